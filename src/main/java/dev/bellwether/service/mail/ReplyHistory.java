package dev.bellwether.service.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A reply's own words, without the history mail programs quote below them: cut at the
 * first line that reliably starts a quotation — "On … wrote:" (Gmail, Apple Mail,
 * Thunderbird; also over two lines, and in German, French, Spanish, Portuguese and
 * Dutch), Outlook's "-----Original Message-----" or its "From: … / Sent: …" block — and
 * without a trailing block of "&gt;" lines. When the cut would leave nothing (a message
 * that starts with the quotation), the whole text is kept: only reliable cuts are made.
 */
final class ReplyHistory {

	private static final Pattern WROTE = Pattern.compile(
			"^(On\\s.+\\swrote|Am\\s.+\\sschrieb\\s.+|Le\\s.+\\sa\\s[ée]crit\\s?|El\\s.+\\sescribi[óo]|Em\\s.+\\sescreveu|Op\\s.+\\sschreef\\s.+)\\s?:\\s*$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern ORIGINAL = Pattern.compile(
			"^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht)\\s*-{2,}\\s*$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\*?(From|Von|De|Van)\\s?:\\*?\\s.+",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern OUTLOOK_NEXT = Pattern.compile(
			"^\\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden|To|An|À|Para|Aan|Subject|Betreff|Objet|Asunto|Onderwerp)\\s?:\\*?.*",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern RULE = Pattern.compile("^_{10,}\\s*$");

	private ReplyHistory() {
	}

	static String trim(String text) {
		if (text == null || text.isBlank()) {
			return text == null ? "" : text.strip();
		}
		List<String> lines = text.lines().toList();
		int cut = lines.size();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			String twoLines = i + 1 < lines.size() ? line + " " + lines.get(i + 1).strip() : line;
			if (WROTE.matcher(line).matches() || (line.regionMatches(true, 0, "On ", 0, 3) && line.length() < 200
					&& WROTE.matcher(twoLines).matches())) {
				cut = i;
				break;
			}
			if (ORIGINAL.matcher(line).matches()) {
				cut = i;
				break;
			}
			if (OUTLOOK_FROM.matcher(line).matches() && outlookHeaderFollows(lines, i)) {
				cut = i > 0 && RULE.matcher(lines.get(i - 1).strip()).matches() ? i - 1 : i;
				break;
			}
		}
		while (cut > 0 && (lines.get(cut - 1).isBlank() || lines.get(cut - 1).startsWith(">"))) {
			cut--;
		}
		String kept = String.join("\n", lines.subList(0, cut)).strip();
		return kept.isEmpty() ? text.strip() : kept;
	}

	/** Outlook's quoted header: at least two of Sent/To/Subject in the next lines. */
	private static boolean outlookHeaderFollows(List<String> lines, int from) {
		int found = 0;
		for (int i = from + 1; i < Math.min(lines.size(), from + 6); i++) {
			if (OUTLOOK_NEXT.matcher(lines.get(i).strip()).matches()) {
				found++;
			}
		}
		return found >= 2;
	}

}
