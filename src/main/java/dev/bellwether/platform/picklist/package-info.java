/**
 * Pick lists administrators edit: the values, their order, renames (published as
 * {@link dev.bellwether.platform.picklist.PickListValueRenamed}) and retirement, matched
 * case-insensitively wherever a form or the API takes a value.
 */
package dev.bellwether.platform.picklist;
