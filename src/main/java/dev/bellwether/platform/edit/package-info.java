/**
 * Inline edit and bulk changes, once for every record type: a module implements
 * {@link dev.bellwether.platform.edit.EditableRecords} for each record type it owns
 * (usually as a {@link dev.bellwether.platform.edit.RecordEditing} over its own update,
 * so that its rules, rights, versions and history apply);
 * {@link dev.bellwether.platform.edit.InlineEdit} changes one field of one record and
 * {@link dev.bellwether.platform.edit.BulkChanges} runs a bulk action as one operation
 * that can be undone (tables {@code bulk_operations} and {@code bulk_operation_items}).
 * See {@code docs/bulk-and-inline-edit.md}.
 */
package dev.bellwether.platform.edit;
