package dev.bellwether.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Files attached to cases, kept in the database (at most {@link CaseAttachment#MAX_SIZE}
 * each), read by whoever may read the case.
 */
@Service
@Transactional(readOnly = true)
public class CaseAttachments {

	private static final String COLUMNS = "id, case_id, comment_id, file_name, content_type, size_bytes, created_at, "
			+ "created_by";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final Clock clock;

	CaseAttachments(JdbcClient jdbc, Cases cases, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.clock = clock;
	}

	/** The case's attachments, oldest first, if the viewer may read the case. */
	public List<CaseAttachment> of(Viewer viewer, UUID caseId) {
		this.cases.get(viewer, caseId);
		return of(caseId);
	}

	/** The case's attachments, oldest first; system use, no visibility check. */
	public List<CaseAttachment> of(UUID caseId) {
		return this.jdbc.sql("select " + COLUMNS + " from case_attachments where case_id = :id order by created_at, id")
			.param("id", caseId)
			.query(CaseAttachments::map)
			.list();
	}

	/**
	 * One attachment and its content, if the viewer may read its case.
	 */
	public Download download(Viewer viewer, UUID caseId, UUID attachmentId) {
		this.cases.get(viewer, caseId);
		return download(caseId, attachmentId)
			.orElseThrow(() -> new RecordNotFoundException("attachment", attachmentId));
	}

	/** One attachment and its content; system use (an e-mail), no visibility check. */
	public Optional<Download> download(UUID caseId, UUID attachmentId) {
		return this.jdbc.sql("select " + COLUMNS + ", content from case_attachments where id = :id and case_id = :case")
			.param("id", attachmentId)
			.param("case", caseId)
			.query((rs, n) -> new Download(map(rs, n), rs.getBytes("content")))
			.optional();
	}

	/**
	 * An attachment with its content.
	 */
	public record Download(CaseAttachment attachment, byte[] content) {

	}

	/**
	 * An agent attaches a file to the case.
	 * @throws AttachmentTooLargeException over 20 MB
	 * @throws InvalidInputException for an empty file or one without a name
	 * @throws ForbiddenException when the agent may not change the case
	 */
	@Transactional
	public CaseAttachment attach(Viewer viewer, UUID caseId, String fileName, String contentType, byte[] content) {
		SupportCase supportCase = this.cases.get(viewer, caseId);
		if (!this.cases.canEdit(viewer, supportCase)) {
			throw new ForbiddenException("You can't attach files to case " + supportCase.reference()
					+ ": only its owner, the owner's managers, service users and administrators can.");
		}
		CaseAttachment attached = insert(caseId, null, fileName, contentType, content, viewer.id());
		this.cases.touch(caseId, viewer.id(), attached.createdAt());
		return attached;
	}

	/**
	 * A file that came from the customer (with an e-mail), for system use.
	 * @param commentId the customer's comment it came with, or {@code null}
	 * @throws AttachmentTooLargeException over 20 MB (the caller keeps the message and
	 * says so on the case)
	 */
	@Transactional
	public CaseAttachment attachFromCustomer(UUID caseId, UUID commentId, String fileName, String contentType,
			byte[] content) {
		this.cases.find(caseId).orElseThrow(() -> new RecordNotFoundException(Cases.RECORD_TYPE, caseId));
		return insert(caseId, commentId, fileName, contentType, content, null);
	}

	private CaseAttachment insert(UUID caseId, UUID commentId, String fileName, String contentType, byte[] content,
			UUID actor) {
		String name = safeName(fileName);
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "Choose a file to attach; " + name + " is empty.");
		}
		if (content.length > CaseAttachment.MAX_SIZE) {
			throw new AttachmentTooLargeException(name, content.length);
		}
		String type = StringUtils.hasText(contentType) && contentType.length() <= 150
				? contentType.strip().toLowerCase(Locale.ROOT) : "application/octet-stream";
		UUID id = Ids.newId();
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		this.jdbc.sql("""
				insert into case_attachments (id, case_id, comment_id, file_name, content_type, size_bytes, content,
				  created_at, created_by)
				values (:id, :case, :comment, :name, :type, :size, :content, :now, :actor)
				""")
			.param("id", id)
			.param("case", caseId)
			.param("comment", commentId)
			.param("name", name)
			.param("type", type)
			.param("size", (long) content.length)
			.param("content", content)
			.param("now", utc(now))
			.param("actor", actor)
			.update();
		return new CaseAttachment(id, caseId, commentId, name, type, content.length, now, actor);
	}

	/**
	 * The file's own name without any folders, control characters or more than 255
	 * characters; "attachment" when it has none.
	 */
	static String safeName(String fileName) {
		if (!StringUtils.hasText(fileName)) {
			return "attachment";
		}
		String name = fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			return "attachment";
		}
		return (name.length() > 255) ? name.substring(name.length() - 255) : name;
	}

	static CaseAttachment map(ResultSet rs, int row) throws SQLException {
		return new CaseAttachment(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("comment_id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), instant(rs, "created_at"), rs.getObject("created_by", UUID.class));
	}

}
