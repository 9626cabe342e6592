package dev.bellwether.service.mail;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case's number in a subject, {@code [Case #1042]}, which threads a customer's reply
 * into its case when the reference headers are lost. Read tolerantly: any case, with or
 * without the {@code #}, in square or round brackets, wherever it stands
 * ({@code Re: Fwd: Printer down [Case #1042]}).
 */
public final class CaseToken {

	private static final Pattern TOKEN = Pattern
		.compile("[\\[(]\\s*case\\s*(?:#|no\\.?|nr\\.?)?\\s*(\\d{1,15})\\s*[\\])]", Pattern.CASE_INSENSITIVE);

	private CaseToken() {
	}

	public static String of(long number) {
		return "[Case #" + number + "]";
	}

	/** The case number in a subject, the first when there are several. */
	public static OptionalLong find(String subject) {
		if (subject == null) {
			return OptionalLong.empty();
		}
		Matcher matcher = TOKEN.matcher(subject);
		return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
	}

	/**
	 * The subject of a message Bellwether sends for a case: the case's subject with the
	 * token, once.
	 */
	public static String subject(String prefix, String caseSubject, long number) {
		String plain = TOKEN.matcher(caseSubject == null ? "" : caseSubject).replaceAll("").strip();
		return (prefix == null || prefix.isEmpty() ? "" : prefix + " ") + plain + " " + of(number);
	}

}
