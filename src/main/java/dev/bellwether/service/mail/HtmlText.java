package dev.bellwether.service.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;

/**
 * An HTML mail body as readable plain text: scripts, styles and comments dropped,
 * paragraphs, line breaks, list items and table rows kept as lines, a link's address
 * after its text, entities decoded, every other tag removed. The result is text only,
 * shown escaped like any other text, so nothing of the HTML can run.
 */
final class HtmlText {

	private static final Pattern DROPPED = Pattern.compile(
			"<!--.*?-->|<(script|style|head|title|xml)\\b[^>]*>.*?</\\1\\s*>|<!\\[CDATA\\[.*?\\]\\]>|<![^>]*>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile(
			"<a\\b[^>]*?\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))[^>]*>(.*?)</a\\s*>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern LINE_BREAK = Pattern.compile("<br\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern BLOCK = Pattern.compile(
			"</?(p|div|tr|table|thead|tbody|h[1-6]|ul|ol|blockquote|pre|hr|section|article|header|footer|address)\\b[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern LIST_ITEM = Pattern.compile("<li\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern CELL_END = Pattern.compile("</t[dh]\\s*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>|</?>");

	private HtmlText() {
	}

	static String toText(String html) {
		String text = DROPPED.matcher(html).replaceAll(" ");
		// source line breaks and indentation are not text in HTML
		text = text.replaceAll("[ \\t\\r\\n\\f]+", " ");
		text = links(text);
		text = LINE_BREAK.matcher(text).replaceAll("\n");
		text = LIST_ITEM.matcher(text).replaceAll("\n- ");
		text = CELL_END.matcher(text).replaceAll(" ");
		text = BLOCK.matcher(text).replaceAll("\n");
		text = TAG.matcher(text).replaceAll("");
		text = StringEscapeUtils.unescapeHtml4(text).replace('\u00a0', ' ');
		StringBuilder lines = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			lines.append(line.replaceAll(" {2,}", " ").strip()).append('\n');
		}
		return lines.toString().replaceAll("\n{3,}", "\n\n").strip();
	}

	/** A link's address after its text, unless the text is the address. */
	private static String links(String html) {
		Matcher matcher = LINK.matcher(html);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String href = matcher.group(1) != null ? matcher.group(1)
					: matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
			href = StringEscapeUtils.unescapeHtml4(href).strip();
			String inner = matcher.group(4);
			String innerText = StringEscapeUtils.unescapeHtml4(TAG.matcher(inner).replaceAll("")).strip();
			String replacement = inner;
			boolean web = href.regionMatches(true, 0, "http://", 0, 7) || href.regionMatches(true, 0, "https://", 0, 8);
			if (web && !innerText.equals(href) && !innerText.isEmpty()) {
				replacement = inner + " (" + StringEscapeUtils.escapeHtml4(href) + ")";
			}
			else if (web && innerText.isEmpty()) {
				replacement = StringEscapeUtils.escapeHtml4(href);
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
