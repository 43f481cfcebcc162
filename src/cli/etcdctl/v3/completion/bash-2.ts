// `etcdctl completion bash`, second half.
// The script etcdctl 3.4.23 prints (cobra's template, program name etcdctl), recorded byte for byte.
export const BASH_2 = `        else
            # Not an activeHelp line but a normal completion
            completions+=("$comp")
        fi
    done < <(printf "%s\\n" "\${out}")
}

__etcdctl_handle_completion_types() {
    __etcdctl_debug "__etcdctl_handle_completion_types: COMP_TYPE is $COMP_TYPE"

    case $COMP_TYPE in
    37|42)
        # Type: menu-complete/menu-complete-backward and insert-completions
        # If the user requested inserting one completion at a time, or all
        # completions at once on the command-line we must remove the descriptions.
        # https://github.com/spf13/cobra/issues/1508
        local tab=$'\\t' comp
        while IFS='' read -r comp; do
            [[ -z $comp ]] && continue
            # Strip any description
            comp=\${comp%%$tab*}
            # Only consider the completions that match
            if [[ $comp == "$cur"* ]]; then
                COMPREPLY+=("$comp")
            fi
        done < <(printf "%s\\n" "\${completions[@]}")
        ;;

    *)
        # Type: complete (normal completion)
        __etcdctl_handle_standard_completion_case
        ;;
    esac
}

__etcdctl_handle_standard_completion_case() {
    local tab=$'\\t' comp

    # Short circuit to optimize if we don't have descriptions
    if [[ "\${completions[*]}" != *$tab* ]]; then
        IFS=$'\\n' read -ra COMPREPLY -d '' < <(compgen -W "\${completions[*]}" -- "$cur")
        return 0
    fi

    local longest=0
    local compline
    # Look for the longest completion so that we can format things nicely
    while IFS='' read -r compline; do
        [[ -z $compline ]] && continue
        # Strip any description before checking the length
        comp=\${compline%%$tab*}
        # Only consider the completions that match
        [[ $comp == "$cur"* ]] || continue
        COMPREPLY+=("$compline")
        if ((\${#comp}>longest)); then
            longest=\${#comp}
        fi
    done < <(printf "%s\\n" "\${completions[@]}")

    # If there is a single completion left, remove the description text
    if [ \${#COMPREPLY[*]} -eq 1 ]; then
        __etcdctl_debug "COMPREPLY[0]: \${COMPREPLY[0]}"
        comp="\${COMPREPLY[0]%%$tab*}"
        __etcdctl_debug "Removed description from single completion, which is now: \${comp}"
        COMPREPLY[0]=$comp
    else # Format the descriptions
        __etcdctl_format_comp_descriptions $longest
    fi
}

__etcdctl_handle_special_char()
{
    local comp="$1"
    local char=$2
    if [[ "$comp" == *\${char}* && "$COMP_WORDBREAKS" == *\${char}* ]]; then
        local word=\${comp%"\${comp##*\${char}}"}
        local idx=\${#COMPREPLY[*]}
        while [[ $((--idx)) -ge 0 ]]; do
            COMPREPLY[$idx]=\${COMPREPLY[$idx]#"$word"}
        done
    fi
}

__etcdctl_format_comp_descriptions()
{
    local tab=$'\\t'
    local comp desc maxdesclength
    local longest=$1

    local i ci
    for ci in \${!COMPREPLY[*]}; do
        comp=\${COMPREPLY[ci]}
        # Properly format the description string which follows a tab character if there is one
        if [[ "$comp" == *$tab* ]]; then
            __etcdctl_debug "Original comp: $comp"
            desc=\${comp#*$tab}
            comp=\${comp%%$tab*}

            # $COLUMNS stores the current shell width.
            # Remove an extra 4 because we add 2 spaces and 2 parentheses.
            maxdesclength=$(( COLUMNS - longest - 4 ))

            # Make sure we can fit a description of at least 8 characters
            # if we are to align the descriptions.
            if [[ $maxdesclength -gt 8 ]]; then
                # Add the proper number of spaces to align the descriptions
                for ((i = \${#comp} ; i < longest ; i++)); do
                    comp+=" "
                done
            else
                # Don't pad the descriptions so we can fit more text after the completion
                maxdesclength=$(( COLUMNS - \${#comp} - 4 ))
            fi

            # If there is enough space for any description text,
            # truncate the descriptions that are too long for the shell width
            if [ $maxdesclength -gt 0 ]; then
                if [ \${#desc} -gt $maxdesclength ]; then
                    desc=\${desc:0:$(( maxdesclength - 1 ))}
                    desc+="…"
                fi
                comp+="  ($desc)"
            fi
            COMPREPLY[ci]=$comp
            __etcdctl_debug "Final comp: $comp"
        fi
    done
}

__start_etcdctl()
{
    local cur prev words cword split

    COMPREPLY=()

    # Call _init_completion from the bash-completion package
    # to prepare the arguments properly
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n "=:" || return
    else
        __etcdctl_init_completion -n "=:" || return
    fi

    __etcdctl_debug
    __etcdctl_debug "========= starting completion logic =========="
    __etcdctl_debug "cur is \${cur}, words[*] is \${words[*]}, #words[@] is \${#words[@]}, cword is $cword"

    # The user could have moved the cursor backwards on the command-line.
    # We need to trigger completion from the $cword location, so we need
    # to truncate the command-line ($words) up to the $cword location.
    words=("\${words[@]:0:$cword+1}")
    __etcdctl_debug "Truncated words[*]: \${words[*]},"

    local out directive
    __etcdctl_get_completion_results
    __etcdctl_process_completion_results
}

if [[ $(type -t compopt) = "builtin" ]]; then
    complete -o default -F __start_etcdctl etcdctl
else
    complete -o default -o nospace -F __start_etcdctl etcdctl
fi

# ex: ts=4 sw=4 et filetype=sh
`;
