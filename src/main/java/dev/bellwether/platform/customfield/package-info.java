/**
 * Custom fields: the fields administrators add to accounts, contacts and deals (and later
 * leads and cases). The platform keeps the definitions and the rules of each type; each
 * module keeps its records' values in its own table and applies them through
 * {@link dev.bellwether.platform.customfield.CustomFields}. See docs/custom-fields.md.
 */
package dev.bellwether.platform.customfield;
