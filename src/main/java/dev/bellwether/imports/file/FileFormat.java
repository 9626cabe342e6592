package dev.bellwether.imports.file;

/** The formats an uploaded file is read as, decided by its content. */
public enum FileFormat {

	CSV, XLSX

}
