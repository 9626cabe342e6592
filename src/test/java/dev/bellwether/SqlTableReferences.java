package dev.bellwether;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables a Java source file's SQL names, and the tables a migration creates,
 * for {@link ModuleTablesTests}. Only the text of string literals and text blocks is read
 * (a table named in a comment, a Javadoc or a variable is no SQL), with Java comments and
 * SQL {@code --} comments left out; literals joined with {@code +} are read as one text.
 * A table counts where SQL names one: after {@code from} (also each name of a
 * comma-separated list), {@code join}, {@code into}, {@code update}, {@code using},
 * {@code references}, {@code table} and {@code truncate}.
 */
final class SqlTableReferences {

	/**
	 * A table named at a line (1-based) of a source file.
	 */
	record Reference(String table, int line) {
	}

	private static final String NAME = "(?:\\w+\\.)?(\\w+)";

	private static final Pattern NAMED = Pattern.compile("\\b(from|join|into|update|using|references|table|truncate)"
			+ "\\s+(?:only\\s+)?(?:if\\s+(?:not\\s+)?exists\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);

	/**
	 * After a table in a {@code from} list: an optional alias, then a comma and the next.
	 */
	private static final Pattern NEXT_IN_FROM_LIST = Pattern.compile("\\G\\s*(?:(?:as\\s+)?\\w+\\s*)?,\\s*" + NAME,
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CREATED = Pattern
		.compile("\\bcreate\\s+(?:unlogged\\s+|temporary\\s+|temp\\s+)?(?:table|view|materialized\\s+view)"
				+ "\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);

	private SqlTableReferences() {
	}

	/**
	 * @param tables the known tables, lower case; other names are not reported
	 * @return each place the source's SQL names one of the tables, in source order
	 */
	static List<Reference> in(String javaSource, Set<String> tables) {
		String sql = stringsOnly(javaSource);
		List<Reference> found = new ArrayList<>();
		Matcher named = NAMED.matcher(sql);
		while (named.find()) {
			add(found, sql, named.group(2), named.start(2), tables);
			if (named.group(1).equalsIgnoreCase("from")) {
				Matcher next = NEXT_IN_FROM_LIST.matcher(sql);
				int at = named.end();
				while (next.find(at) && next.start() == at) {
					add(found, sql, next.group(1), next.start(1), tables);
					at = next.end();
				}
			}
		}
		return found;
	}

	/**
	 * @return the tables and views a migration creates, lower case, in order
	 */
	static Set<String> createdBy(String migration) {
		String sql = migration.replaceAll("--[^\\n]*", " ");
		Set<String> created = new LinkedHashSet<>();
		Matcher matcher = CREATED.matcher(sql);
		while (matcher.find()) {
			created.add(matcher.group(1).toLowerCase(Locale.ROOT));
		}
		return created;
	}

	private static void add(List<Reference> found, String text, String name, int at, Set<String> tables) {
		String table = name.toLowerCase(Locale.ROOT);
		if (tables.contains(table)) {
			found.add(new Reference(table, lineAt(text, at)));
		}
	}

	private static int lineAt(String text, int at) {
		int line = 1;
		for (int i = 0; i < at; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/**
	 * The source with only its strings' text left, character for character (so lines keep
	 * their numbers): code becomes {@code ;}, which no SQL name can run across, except
	 * white space and the {@code +} between two literals; comments, quotes and SQL
	 * comments become spaces; an escape such as {@code \n} becomes white space.
	 */
	static String stringsOnly(String source) {
		StringBuilder out = new StringBuilder(source.length());
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
				while (i < n && source.charAt(i) != '\n') {
					out.append(' ');
					i++;
				}
			}
			else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
				int end = source.indexOf("*/", i + 2);
				end = (end < 0) ? n : end + 2;
				blank(source, i, end, out);
				i = end;
			}
			else if (source.startsWith("\"\"\"", i)) {
				blank(source, i, i + 3, out);
				i = string(source, i + 3, "\"\"\"", out);
			}
			else if (c == '"') {
				out.append(' ');
				i = string(source, i + 1, "\"", out);
			}
			else if (c == '\'') {
				// a char literal: code, whatever it holds
				int end = i + 1;
				while (end < n && source.charAt(end) != '\'' && source.charAt(end) != '\n') {
					end += (source.charAt(end) == '\\') ? 2 : 1;
				}
				end = Math.min(end + 1, n);
				for (int k = i; k < end; k++) {
					out.append(';');
				}
				i = end;
			}
			else {
				out.append(Character.isWhitespace(c) || c == '+' ? (c == '+' ? ' ' : c) : ';');
				i++;
			}
		}
		return out.toString();
	}

	/**
	 * Copies a string's text from {@code start} up to its closing delimiter.
	 * @return the index after the closing delimiter
	 */
	private static int string(String source, int start, String delimiter, StringBuilder out) {
		int i = start;
		int n = source.length();
		boolean sqlComment = false;
		while (i < n && !source.startsWith(delimiter, i)) {
			char c = source.charAt(i);
			if (c == '\n' && delimiter.length() == 1) {
				// an unterminated literal: stop at the line's end like the compiler
				return i;
			}
			if (c == '\\' && i + 1 < n) {
				char escaped = source.charAt(i + 1);
				boolean lineBreak = escaped == 'n' || escaped == 'r' || escaped == '\n';
				out.append(' ');
				out.append(escaped == '\n' ? '\n'
						: (sqlComment || Character.isLetter(escaped) && "ntrsfb".indexOf(escaped) >= 0) ? ' '
								: escaped);
				if (lineBreak) {
					sqlComment = false;
				}
				i += 2;
				continue;
			}
			if (c == '-' && i + 1 < n && source.charAt(i + 1) == '-') {
				sqlComment = true;
			}
			if (c == '\n') {
				sqlComment = false;
			}
			out.append((sqlComment && c != '\n') ? ' ' : c);
			i++;
		}
		int end = Math.min(i + delimiter.length(), n);
		blank(source, i, end, out);
		return end;
	}

	private static void blank(String source, int from, int to, StringBuilder out) {
		for (int k = from; k < to; k++) {
			out.append(source.charAt(k) == '\n' ? '\n' : ' ');
		}
	}

}
