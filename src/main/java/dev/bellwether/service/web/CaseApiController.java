package dev.bellwether.service.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.ApiResources;
import dev.bellwether.platform.web.ListPage;
import dev.bellwether.service.AttachmentTooLargeException;
import dev.bellwether.service.CaseAttachment;
import dev.bellwether.service.CaseAttachments;
import dev.bellwether.service.CaseComment;
import dev.bellwether.service.CaseFilter;
import dev.bellwether.service.CaseStatus;
import dev.bellwether.service.Cases;
import dev.bellwether.service.SupportCase;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Customer service cases, their public replies and internal notes, and their "
		+ "attachments. Service users, executives and administrators see every case; a case's owner and the managers "
		+ "above them see and change it; the sales owner of its account reads it. Service users and administrators "
		+ "change every case. A case someone may not see is a 404, as one that does not exist.")
class CaseApiController {

	private final Cases cases;

	private final CaseAttachments attachments;

	private final UserDirectory users;

	private final ListCursors cursors;

	CaseApiController(Cases cases, CaseAttachments attachments, UserDirectory users, ListCursors cursors) {
		this.cases = cases;
		this.attachments = attachments;
		this.users = users;
		this.cursors = cursors;
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping
	@Operation(summary = "List cases",
			description = "Filter by q (a case number such as 1042 or #1042, or part of the subject or the requester's "
					+ "e-mail), status (NEW, OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED; open for the first three, "
					+ "done for the last two), priority (LOW, NORMAL, HIGH, URGENT), ownerId, unassigned, queueId "
					+ "and accountId; sort by number, subject, status, priority, channel, createdAt, updatedAt, "
					+ "lastTouchedAt, resolvedAt or firstResponseAt. Newest first unless sorted.")
	ListPage<CaseResource> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String priority,
			@RequestParam(required = false) UUID ownerId, @RequestParam(required = false) Boolean unassigned,
			@RequestParam(required = false) UUID queueId, @RequestParam(required = false) UUID accountId,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@Parameter(description = ListPage.CURSOR) @RequestParam(required = false) String cursor,
			@PageableDefault(size = 25, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
		return resources(
				this.cases.list(viewer, new CaseFilter(q, status, priority, ownerId, unassigned, queueId, accountId),
						this.cursors.request(pageable, exactTotal, cursor)));
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping("/{id}")
	@Operation(summary = "Get one case")
	CaseResource get(Viewer viewer, @PathVariable UUID id) {
		return resource(this.cases.get(viewer, id));
	}

	@PostMapping
	@Operation(summary = "Open a case",
			description = "Status NEW (OPEN when given an owner). Without queueId the case goes to the default queue; "
					+ "with contactId and no accountId it takes the contact's account. A 400 names each wrong field.")
	ResponseEntity<CaseResource> create(Viewer viewer, @RequestBody CaseRequest request) {
		SupportCase c = this.cases.open(viewer, request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + c.id())).body(resource(c));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a case's details",
			description = "Send the fields to change and the version you read; fields left out stay as they are. A "
					+ "stale version gives 409 Conflict. The status changes through POST /status.")
	CaseResource update(Viewer viewer, @PathVariable UUID id, @RequestBody CaseRequest request) {
		long version = ApiResources.requireVersion(request.version(), Cases.RECORD_TYPE);
		SupportCase c = this.cases.get(viewer, id);
		return resource(this.cases.update(viewer, id, version, request.applyTo(c)));
	}

	/**
	 * A status move, as the API sends it.
	 */
	record CaseStatusRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) CaseStatus status,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The version of the case you read; a stale one is refused with 409 Conflict",
					example = "0") Long version) {

	}

	@PostMapping("/{id}/status")
	@Operation(summary = "Move a case to another status",
			description = "A move that is not allowed is a 400 naming status; a stale version a 409.")
	CaseResource changeStatus(Viewer viewer, @PathVariable UUID id, @RequestBody CaseStatusRequest request) {
		long version = ApiResources.requireVersion(request.version(), Cases.RECORD_TYPE);
		return resource(this.cases.changeStatus(viewer, id, version, request.status()));
	}

	/**
	 * An assignment, as the API sends it.
	 */
	record CaseAssignRequest(
			@Schema(description = "The agent to give the case to; null or left out puts it back in its queue, "
					+ "unassigned") UUID ownerId,
			@Schema(description = "The version of the case you read (optional: without it the case is assigned as "
					+ "it is)", example = "0") Long version) {

	}

	@PostMapping("/{id}/assign")
	@Operation(summary = "Assign a case", description = "A new case given to someone is open.")
	CaseResource assign(Viewer viewer, @PathVariable UUID id, @RequestBody CaseAssignRequest request) {
		return resource(this.cases.assign(viewer, id, request.version(), request.ownerId()));
	}

	@PostMapping("/next")
	@Operation(summary = "Take the next case",
			description = "Gives the caller the oldest of the most urgent unassigned cases that are new or open, in "
					+ "the queues they work (in every queue with everyQueue=true, or when they work none). 204 when "
					+ "there is none. Two callers at once never get the same case.")
	ResponseEntity<CaseResource> next(Viewer viewer, @RequestParam(defaultValue = "false") boolean everyQueue) {
		return this.cases.takeNext(viewer, everyQueue)
			.map(c -> ResponseEntity.ok(resource(c)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Move a case to the recycle bin")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.cases.delete(viewer, id));
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore a case from the recycle bin")
	CaseResource restore(Viewer viewer, @PathVariable UUID id) {
		return resource(this.cases.restore(viewer, id));
	}

	@GetMapping("/deleted")
	@Operation(summary = "List cases in the recycle bin", description = "Most recently deleted first.")
	ListPage<CaseResource> deleted(Viewer viewer,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 25) Pageable pageable) {
		return resources(
				this.cases.deleted(viewer, dev.bellwether.platform.PagedQuery.exactTotal(pageable, exactTotal)));
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping("/{id}/comments")
	@Operation(summary = "List a case's comments", description = "Oldest first; internal notes too (internal=true).")
	List<CaseCommentResource> comments(Viewer viewer, @PathVariable UUID id) {
		List<CaseComment> comments = this.cases.comments(viewer, id);
		Map<UUID, String> names = this.users
			.namesOf(comments.stream().map(CaseComment::authorId).filter(Objects::nonNull).distinct().toList());
		return comments.stream().map(c -> CaseCommentResource.of(c, names)).toList();
	}

	/**
	 * A comment, as the API sends it.
	 */
	record CaseCommentRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100000,
					example = "We have found the cause and are fixing it.") String body,
			@Schema(description = "true for an internal note the customer never sees; false (the default) for a "
					+ "public reply") Boolean internal) {

	}

	@PostMapping("/{id}/comments")
	@Operation(summary = "Add a public reply or an internal note",
			description = "The first public reply is the case's first response; a public reply to a new case opens it.")
	ResponseEntity<CaseCommentResource> comment(Viewer viewer, @PathVariable UUID id,
			@RequestBody CaseCommentRequest request) {
		CaseComment comment = this.cases.addComment(viewer.id(), id, request.body(),
				Boolean.TRUE.equals(request.internal()));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/comments/" + comment.id()))
			.body(CaseCommentResource.of(comment, this.users.namesOf(List.of(viewer.id()))));
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping("/{id}/attachments")
	@Operation(summary = "List a case's attachments")
	List<CaseAttachment> attachments(Viewer viewer, @PathVariable UUID id) {
		return this.attachments.of(viewer, id);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download an attachment")
	ResponseEntity<byte[]> download(Viewer viewer, @PathVariable UUID id, @PathVariable UUID attachmentId) {
		return file(this.attachments.download(viewer, id, attachmentId));
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a file",
			description = "multipart/form-data with the file in part 'file'; at most 20 MB (413 over it).")
	ResponseEntity<CaseAttachment> attach(Viewer viewer, @PathVariable UUID id,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "Send the file in the multipart part 'file'.");
		}
		if (file.getSize() > CaseAttachment.MAX_SIZE) {
			throw new AttachmentTooLargeException(file.getOriginalFilename(), file.getSize());
		}
		CaseAttachment attached = this.attachments.attach(viewer, id, file.getOriginalFilename(), file.getContentType(),
				file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/attachments/" + attached.id()))
			.body(attached);
	}

	/** A file over 20 MB: 413, with the field named. */
	@ExceptionHandler(AttachmentTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				ex.fieldErrors().get("file"));
		problem.setTitle("Payload too large");
		problem.setProperty("errors", List.of(Map.of("field", "file", "message", ex.fieldErrors().get("file"))));
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
	}

	/**
	 * The attachment as a download: images and PDFs shown in the browser, anything else
	 * saved; never sniffed into something else.
	 */
	static ResponseEntity<byte[]> file(CaseAttachments.Download download) {
		CaseAttachment a = download.attachment();
		MediaType type = CaseController.mediaType(a.contentType());
		boolean inline = type.getType().equals("image") && !type.getSubtype().contains("svg")
				|| type.equals(MediaType.APPLICATION_PDF);
		HttpHeaders headers = CaseController.noSniff();
		headers.set(HttpHeaders.CONTENT_DISPOSITION, CaseController.contentDisposition(a.fileName(), inline));
		return ResponseEntity.ok()
			.headers(headers)
			.contentType(inline ? type : MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(download.content().length)
			.body(download.content());
	}

	private CaseResource resource(SupportCase c) {
		return CaseResource.of(c, c.ownerId() == null ? Map.of() : this.users.namesOf(List.of(c.ownerId())));
	}

	private ListPage<CaseResource> resources(Page<SupportCase> page) {
		Map<UUID, String> names = this.users
			.namesOf(page.getContent().stream().map(SupportCase::ownerId).filter(Objects::nonNull).distinct().toList());
		return ListPage.of(page.map(c -> CaseResource.of(c, names)));
	}

}
