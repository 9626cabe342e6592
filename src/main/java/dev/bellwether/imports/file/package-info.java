/**
 * Reading an uploaded file (CSV or XLSX) into a header row and rows of strings, streamed,
 * with its format, encoding and delimiter detected and its limits enforced. Internal to
 * the imports module.
 */
package dev.bellwether.imports.file;
