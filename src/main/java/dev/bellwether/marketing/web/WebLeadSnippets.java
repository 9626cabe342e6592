package dev.bellwether.marketing.web;

import dev.bellwether.marketing.WebLeadForm;
import dev.bellwether.marketing.WebLeadPost;

import org.springframework.web.util.HtmlUtils;

/**
 * What an administrator copies into a web site for a form: a plain HTML form that posts
 * to the form's endpoint (no script needed), and a {@code fetch} example for a site that
 * sends JSON itself.
 */
final class WebLeadSnippets {

	private WebLeadSnippets() {
	}

	static String html(WebLeadForm form, String endpoint) {
		StringBuilder html = new StringBuilder();
		html.append("<form method=\"post\" action=\"").append(HtmlUtils.htmlEscape(endpoint)).append("\">\n");
		field(html, "first_name", "First name", "text", "given-name", false);
		field(html, "last_name", "Last name", "text", "family-name", true);
		field(html, "company", "Company", "text", "organization", false);
		field(html, "title", "Job title", "text", "organization-title", false);
		field(html, "email", "E-mail", "email", "email", false);
		field(html, "phone", "Phone", "tel", "tel", false);
		field(html, "country", "Country (e.g. DE)", "text", "country", false);
		html.append("  <p><label>Message<br><textarea name=\"message\" rows=\"4\"></textarea></label></p>\n");
		html.append("  <!-- leave this field hidden: people never fill it in, bots do -->\n");
		html.append(
				"  <p style=\"position:absolute;left:-10000px\" aria-hidden=\"true\"><label>Website <input type=\"text\" name=\"")
			.append(WebLeadPost.HONEYPOT_FIELD)
			.append("\" tabindex=\"-1\" autocomplete=\"off\"></label></p>\n");
		if (form.asksConsent()) {
			html.append("  <p><label><input type=\"checkbox\" name=\"consent\" value=\"on\"")
				.append(form.consentRequired() ? " required" : "")
				.append("> ")
				.append(HtmlUtils.htmlEscape(form.consentText()))
				.append("</label></p>\n");
		}
		html.append("  <p><button type=\"submit\">Send</button></p>\n");
		html.append("</form>");
		return html.toString();
	}

	static String fetch(WebLeadForm form, String endpoint) {
		return "fetch(\"" + endpoint + "\", {\n" + "  method: \"POST\",\n"
				+ "  headers: { \"Content-Type\": \"application/json\" },\n" + "  body: JSON.stringify({\n"
				+ "    first_name: \"Ada\", last_name: \"Lovelace\", company: \"Analytical Engines\",\n"
				+ "    email: \"ada@example.com\", message: \"Please call me\",\n"
				+ (form.asksConsent() ? "    consent: true,\n" : "") + "    page_url: location.href\n" + "  })\n"
				+ "}).then(response => response.json()); // 202 {\"status\":\"received\"}, or a problem document";
	}

	private static void field(StringBuilder html, String name, String label, String type, String autocomplete,
			boolean required) {
		html.append("  <p><label>")
			.append(label)
			.append("<br><input type=\"")
			.append(type)
			.append("\" name=\"")
			.append(name)
			.append("\" autocomplete=\"")
			.append(autocomplete)
			.append('"')
			.append(required ? " required" : "")
			.append("></label></p>\n");
	}

}
