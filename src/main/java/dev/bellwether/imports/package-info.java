/**
 * Imports: bringing a company's data in from CSV and XLSX files. So far it reads an
 * uploaded file into a header and rows of text ({@code imports.file}, internal to this
 * module); mapping, preview, the import run and its undo come next (issue #15).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package dev.bellwether.imports;
