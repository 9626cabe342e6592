package dev.bellwether.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.StaleRecordException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The help panel of each page: a short text per page path that a programme lead writes,
 * shown to everyone from the page's Help button.
 */
@Service
@Transactional
public class HelpTexts {

	/** The longest help text: a panel, not a manual. */
	public static final int MAX_LENGTH = 4000;

	private static final Pattern PATH = Pattern.compile("/[^\\s?#*]{0,199}");

	private final JdbcClient jdbc;

	private final ProgrammeLeads leads;

	private final Clock clock;

	HelpTexts(JdbcClient jdbc, ProgrammeLeads leads, Clock clock) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.clock = clock;
	}

	/**
	 * @return the help of the page at that path, for anyone
	 */
	@Transactional(readOnly = true)
	public Optional<HelpText> forPage(String path) {
		if (path == null || !PATH.matcher(path).matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select path, body, updated_at, version from programme_guidance_help where path = :path")
			.param("path", path)
			.query(HelpTexts::map)
			.optional();
	}

	/**
	 * @return every page's help, by path (leads only)
	 */
	@Transactional(readOnly = true)
	public List<HelpText> list(Viewer viewer) {
		this.leads.requireLead(viewer);
		return this.jdbc.sql("select path, body, updated_at, version from programme_guidance_help order by path")
			.query(HelpTexts::map)
			.list();
	}

	/**
	 * Writes the help of a page, or replaces it.
	 * @param version the version read, {@code null} for a page without help yet
	 * @throws dev.bellwether.platform.InvalidInputException for no valid path or no text
	 * @throws StaleRecordException when the help changed since it was read
	 */
	public HelpText save(Viewer viewer, String path, String text, Long version) {
		this.leads.requireLead(viewer);
		Map<String, String> errors = new LinkedHashMap<>();
		String p = StringUtils.hasText(path) ? path.trim() : "";
		if (!PATH.matcher(p).matches()) {
			errors.put("path", "Enter the page's path, starting with / (e.g. /pipeline), without spaces or a query.");
		}
		String body = StringUtils.hasText(text) ? text.trim() : null;
		if (body == null) {
			errors.put("text", "Write the page's help.");
		}
		else if (body.length() > MAX_LENGTH) {
			errors.put("text", "Keep the help to " + MAX_LENGTH + " characters.");
		}
		InputValidation.throwIfAny(errors);
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int written;
		if (version == null) {
			written = this.jdbc
				.sql("""
						insert into programme_guidance_help (path, body, created_at, created_by, updated_at, updated_by, version)
						values (:path, :body, :now, :actor, :now, :actor, 0)
						on conflict (path) do nothing
						""")
				.param("path", p)
				.param("body", body)
				.param("now", now)
				.param("actor", viewer.id())
				.update();
		}
		else {
			written = this.jdbc.sql("""
					update programme_guidance_help set body = :body, updated_at = :now, updated_by = :actor,
					  version = version + 1
					where path = :path and version = :version
					""")
				.param("path", p)
				.param("body", body)
				.param("now", now)
				.param("actor", viewer.id())
				.param("version", version)
				.update();
		}
		if (written == 0) {
			throw new StaleRecordException("help text", p, version == null ? -1 : version);
		}
		return forPage(p).orElseThrow();
	}

	/**
	 * @return whether the page had help
	 */
	public boolean delete(Viewer viewer, String path) {
		this.leads.requireLead(viewer);
		return this.jdbc.sql("delete from programme_guidance_help where path = :path").param("path", path).update() > 0;
	}

	private static HelpText map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new HelpText(rs.getString("path"), rs.getString("body"),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
	}

	/**
	 * The help of one page.
	 */
	public record HelpText(String path, String text, Instant updatedAt, long version) {
	}

}
