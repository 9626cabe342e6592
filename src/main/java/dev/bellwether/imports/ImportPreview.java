package dev.bellwether.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import would do, before it writes anything.
 *
 * @param create rows that would create a record
 * @param update rows that would update an existing record
 * @param skip rows whose record exists and would be left alone
 * @param reject rows that would be refused
 * @param referencesCreated records that references would create (accounts named by rows
 * and not found), by record type
 * @param problems every problem, by row and column (at most {@link #MAX_PROBLEMS})
 * @param problemCount all problems, also those past the list's end
 * @param questions values the file uses that match no choice: a value mapping answers
 * them
 * @param unmappedRequired required fields no column fills
 */
public record ImportPreview(int rows, int create, int update, int skip, int reject,
		Map<String, Integer> referencesCreated, List<Problem> problems, int problemCount, List<Question> questions,
		List<ImportField> unmappedRequired) {

	public static final int MAX_PROBLEMS = 1000;

	/**
	 * @return whether the import may start: something to write and nothing that stops it
	 * (a file that updates records needs no column for a field only new records need)
	 */
	public boolean canStart(ImportSettings settings) {
		return (this.unmappedRequired.isEmpty() || settings.onMatch() == ImportSettings.OnMatch.UPDATE)
				&& (this.create + this.update > 0)
				&& (settings.mode() == ImportSettings.Mode.VALID_ROWS || this.reject == 0);
	}

	/**
	 * A problem with a row.
	 *
	 * @param row the row number in the file (the header is row 1)
	 * @param column the file's header, or {@code null} for the row as a whole
	 * @param field the field, or {@code null}
	 * @param value the cell as the file has it
	 * @param rejects whether it refuses the row (otherwise a warning)
	 */
	public record Problem(long row, String column, String field, String value, String message, boolean rejects) {
	}

	/**
	 * A value the file uses that matches no choice of a field.
	 *
	 * @param rows how many rows use it
	 * @param suggestion the closest choice, or {@code null}
	 */
	public record Question(String field, String value, int rows, Choice suggestion) {
	}

	/**
	 * A choice for a field with choices: what is stored and what is shown.
	 */
	public record Choice(String value, String label) {
	}

}
