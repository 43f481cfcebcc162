// `etcdctl completion bash`, first half.
// The script etcdctl 3.4.23 prints (cobra's template, program name etcdctl), recorded byte for byte.
export const BASH_1 = `# bash completion V2 for etcdctl                              -*- shell-script -*-

__etcdctl_debug()
{
    if [[ -n \${BASH_COMP_DEBUG_FILE:-} ]]; then
        echo "$*" >> "\${BASH_COMP_DEBUG_FILE}"
    fi
}

# Macs have bash3 for which the bash-completion package doesn't include
# _init_completion. This is a minimal version of that function.
__etcdctl_init_completion()
{
    COMPREPLY=()
    _get_comp_words_by_ref "$@" cur prev words cword
}

# This function calls the etcdctl program to obtain the completion
# results and the directive.  It fills the 'out' and 'directive' vars.
__etcdctl_get_completion_results() {
    local requestComp lastParam lastChar args

    # Prepare the command to request completions for the program.
    # Calling \${words[0]} instead of directly etcdctl allows to handle aliases
    args=("\${words[@]:1}")
    requestComp="\${words[0]} __complete \${args[*]}"

    lastParam=\${words[$((\${#words[@]}-1))]}
    lastChar=\${lastParam:$((\${#lastParam}-1)):1}
    __etcdctl_debug "lastParam \${lastParam}, lastChar \${lastChar}"

    if [ -z "\${cur}" ] && [ "\${lastChar}" != "=" ]; then
        # If the last parameter is complete (there is a space following it)
        # We add an extra empty parameter so we can indicate this to the go method.
        __etcdctl_debug "Adding extra empty parameter"
        requestComp="\${requestComp} ''"
    fi

    # When completing a flag with an = (e.g., etcdctl -n=<TAB>)
    # bash focuses on the part after the =, so we need to remove
    # the flag part from $cur
    if [[ "\${cur}" == -*=* ]]; then
        cur="\${cur#*=}"
    fi

    __etcdctl_debug "Calling \${requestComp}"
    # Use eval to handle any environment variables and such
    out=$(eval "\${requestComp}" 2>/dev/null)

    # Extract the directive integer at the very end of the output following a colon (:)
    directive=\${out##*:}
    # Remove the directive
    out=\${out%:*}
    if [ "\${directive}" = "\${out}" ]; then
        # There is not directive specified
        directive=0
    fi
    __etcdctl_debug "The completion directive is: \${directive}"
    __etcdctl_debug "The completions are: \${out}"
}

__etcdctl_process_completion_results() {
    local shellCompDirectiveError=1
    local shellCompDirectiveNoSpace=2
    local shellCompDirectiveNoFileComp=4
    local shellCompDirectiveFilterFileExt=8
    local shellCompDirectiveFilterDirs=16

    if [ $((directive & shellCompDirectiveError)) -ne 0 ]; then
        # Error code.  No completion.
        __etcdctl_debug "Received error from custom completion go code"
        return
    else
        if [ $((directive & shellCompDirectiveNoSpace)) -ne 0 ]; then
            if [[ $(type -t compopt) = "builtin" ]]; then
                __etcdctl_debug "Activating no space"
                compopt -o nospace
            else
                __etcdctl_debug "No space directive not supported in this version of bash"
            fi
        fi
        if [ $((directive & shellCompDirectiveNoFileComp)) -ne 0 ]; then
            if [[ $(type -t compopt) = "builtin" ]]; then
                __etcdctl_debug "Activating no file completion"
                compopt +o default
            else
                __etcdctl_debug "No file completion directive not supported in this version of bash"
            fi
        fi
    fi

    # Separate activeHelp from normal completions
    local completions=()
    local activeHelp=()
    __etcdctl_extract_activeHelp

    if [ $((directive & shellCompDirectiveFilterFileExt)) -ne 0 ]; then
        # File extension filtering
        local fullFilter filter filteringCmd

        # Do not use quotes around the $completions variable or else newline
        # characters will be kept.
        for filter in \${completions[*]}; do
            fullFilter+="$filter|"
        done

        filteringCmd="_filedir $fullFilter"
        __etcdctl_debug "File filtering command: $filteringCmd"
        $filteringCmd
    elif [ $((directive & shellCompDirectiveFilterDirs)) -ne 0 ]; then
        # File completion for directories only

        # Use printf to strip any trailing newline
        local subdir
        subdir=$(printf "%s" "\${completions[0]}")
        if [ -n "$subdir" ]; then
            __etcdctl_debug "Listing directories in $subdir"
            pushd "$subdir" >/dev/null 2>&1 && _filedir -d && popd >/dev/null 2>&1 || return
        else
            __etcdctl_debug "Listing directories in ."
            _filedir -d
        fi
    else
        __etcdctl_handle_completion_types
    fi

    __etcdctl_handle_special_char "$cur" :
    __etcdctl_handle_special_char "$cur" =

    # Print the activeHelp statements before we finish
    if [ \${#activeHelp[*]} -ne 0 ]; then
        printf "\\n";
        printf "%s\\n" "\${activeHelp[@]}"
        printf "\\n"

        # The prompt format is only available from bash 4.4.
        # We test if it is available before using it.
        if (x=\${PS1@P}) 2> /dev/null; then
            printf "%s" "\${PS1@P}\${COMP_LINE[@]}"
        else
            # Can't print the prompt.  Just print the
            # text the user had typed, it is workable enough.
            printf "%s" "\${COMP_LINE[@]}"
        fi
    fi
}

# Separate activeHelp lines from real completions.
# Fills the $activeHelp and $completions arrays.
__etcdctl_extract_activeHelp() {
    local activeHelpMarker="_activeHelp_ "
    local endIndex=\${#activeHelpMarker}

    while IFS='' read -r comp; do
        if [ "\${comp:0:endIndex}" = "$activeHelpMarker" ]; then
            comp=\${comp:endIndex}
            __etcdctl_debug "ActiveHelp found: $comp"
            if [ -n "$comp" ]; then
                activeHelp+=("$comp")
            fi
`;
