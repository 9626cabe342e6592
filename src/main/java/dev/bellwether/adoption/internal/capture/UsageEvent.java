package dev.bellwether.adoption.internal.capture;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.platform.usage.UsageKind;

/**
 * One thing a signed-in user did, as captured (a row of {@code usage_events} once
 * written; its id is given when it is written).
 *
 * @param userId who
 * @param at when
 * @param kind what
 * @param module the module whose page, API or record it was (e.g. {@code sales}); none
 * for a sign-in or sign-out
 * @param recordType the type of business record viewed or changed, if any
 * @param recordId the record, if one
 * @param client through the web pages or the API
 * @param records how many records it covered where that is told (an export's rows), else
 * {@code null}
 */
public record UsageEvent(UUID userId, Instant at, UsageKind kind, String module, String recordType, UUID recordId,
		Client client, Integer records) {

	public UsageEvent(UUID userId, Instant at, UsageKind kind, String module, String recordType, UUID recordId,
			Client client) {
		this(userId, at, kind, module, recordType, recordId, client, null);
	}

	/**
	 * How the user reached Bellwether.
	 */
	public enum Client {

		WEB, API;

		/**
		 * @return {@code API} for a request under {@code /api/}, else {@code WEB}
		 */
		static Client of(HttpServletRequest request) {
			return request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? API : WEB;
		}

	}

}
