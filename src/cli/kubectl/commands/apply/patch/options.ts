// What the strategic-merge diff is told to keep or leave out, and the patch directives' names.

export interface DiffOptions {
  setElementOrder: boolean;
  ignoreChangesAndAdditions: boolean;
  ignoreDeletions: boolean;
  buildRetainKeys: boolean;
}

export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const DELETE_PRIMITIVE_PREFIX = '$deleteFromPrimitiveList';
export const SET_ORDER_PREFIX = '$setElementOrder';
