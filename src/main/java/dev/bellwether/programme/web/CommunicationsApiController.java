package dev.bellwether.programme.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.web.ApiResources;
import dev.bellwether.programme.Communications;
import dev.bellwether.programme.ProgrammeMessage;
import dev.bellwether.programme.ProgrammeMessage.AdkarStage;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.ProgrammeMessage.SenderKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme's communications (docs/programme.md, "Communications"): programme leads
 * only, like the rest of the programme's management.
 */
@RestController
@RequestMapping("/api/v1/programme/communications")
@Tag(name = "Programme communications",
		description = "Messages of the adoption programme queued per channel (IN_APP_BANNER, ANNOUNCEMENT, EMAIL, "
				+ "TALKING_POINTS) until their send date, with an audience (roles, teams and/or rollout waves: a "
				+ "person must match every kind given, any value within a kind; resolved when the message is "
				+ "sent), a sender (an "
				+ "executive SPONSOR, each person's MANAGER, or a named USER), an ADKAR stage and an optional key "
				+ "message; each queue's run-dry warning (empty, or its last message sooner than 14 days away); "
				+ "delivery and read figures; repetitions of each key message per person against the 5-7 target. "
				+ "Programme leads and administrators only (403 for others).")
class CommunicationsApiController {

	private final Communications communications;

	CommunicationsApiController(Communications communications) {
		this.communications = communications;
	}

	/**
	 * @param senderId the sponsor (SPONSOR) or person (USER); omit for MANAGER
	 * @param roles role names (e.g. MANAGER, REP)
	 * @param waves ids of rollout waves (GET /api/v1/programme/waves)
	 * @param version the version read (updates only)
	 */
	record MessageRequest(String title, String body, Channel channel, SenderKind senderKind, UUID senderId,
			AdkarStage stage, LocalDate sendOn, String keyMessage, List<String> roles, List<String> teams,
			@Schema(description = "Ids of rollout waves: the audience includes their members (with the roles and "
					+ "teams given, when any), as the waves have them when the message is sent; an unknown id is "
					+ "a 400 naming the field waves") List<UUID> waves,
			Long version) {

		Communications.MessageDraft toDraft() {
			return new Communications.MessageDraft(this.title, this.body, this.channel, this.senderKind, this.senderId,
					this.stage, this.sendOn, this.keyMessage, this.roles, this.teams, this.waves);
		}

	}

	/**
	 * @param releasedAt when it left its queue; null while queued
	 * @param people deliveries written, one per person of the audience
	 * @param delivered delivered deliveries
	 * @param waiting in-app deliveries waiting for a day the person has had none
	 * @param failed undeliverable (no e-mail server or address, no manager)
	 * @param read delivered and opened through the message's link
	 */
	record MessageResource(UUID id, String title, String body, Channel channel, SenderKind senderKind, UUID senderId,
			String senderName, AdkarStage stage, LocalDate sendOn, String keyMessage, List<String> roles,
			List<String> teams, @Schema(description = "Ids of the rollout waves of the audience") List<UUID> waves,
			@Schema(description = "Names of those waves, in the same order (\"A deleted wave\" for a wave "
					+ "deleted after the message was sent)") List<String> waveNames,
			Instant releasedAt, int people, int delivered, int waiting, int failed, int read, long version) {

		static MessageResource of(Communications.MessageFigures f) {
			ProgrammeMessage m = f.message();
			return new MessageResource(m.id(), m.title(), m.body(), m.channel(), m.senderKind(), m.senderId(),
					f.senderName(), m.stage(), m.sendOn(), m.keyMessage(), m.audience().roles(), m.audience().teams(),
					m.audience().waveIds(), m.audience().waveNames(), m.releasedAt(), f.people(), f.delivered(),
					f.waiting(), f.failed(), f.read(), m.version());
		}

	}

	/**
	 * @param messages the queued messages' ids, by send date
	 */
	record QueueResource(Channel channel, List<UUID> messages, LocalDate lastSendOn, long daysLeft, boolean runsDry,
			String warning) {

		static QueueResource of(Communications.Queue q) {
			return new QueueResource(q.channel(), q.messages().stream().map(ProgrammeMessage::id).toList(),
					q.lastSendOn(), q.daysLeft(), q.runsDry(), q.runsDry() ? q.warning() : null);
		}

	}

	@GetMapping("/queues")
	@Operation(summary = "The queue of each channel",
			description = "Queued messages by send date; runsDry when the queue is empty or its last message's send "
					+ "date is sooner than 14 days from today (UTC).")
	List<QueueResource> queues(Viewer viewer) {
		return this.communications.queues(viewer).stream().map(QueueResource::of).toList();
	}

	@GetMapping("/messages")
	@Operation(summary = "List the messages with their figures",
			description = "Queued messages first by send date, then sent ones newest first.")
	List<MessageResource> list(Viewer viewer) {
		return this.communications.list(viewer).stream().map(MessageResource::of).toList();
	}

	@GetMapping("/messages/{id}")
	@Operation(summary = "Get one message with its figures")
	MessageResource get(Viewer viewer, @PathVariable UUID id) {
		return MessageResource.of(this.communications.get(viewer, id));
	}

	@PostMapping("/messages")
	@Operation(summary = "Queue a message",
			description = "title (at most 200 characters), body (at most 10,000), channel, senderKind, stage and "
					+ "sendOn (today or later) are required, and at least one role, team or rollout wave (waves: "
					+ "ids of existing waves); SPONSOR needs the senderId of an active executive sponsor, USER of "
					+ "an active person. A refusal is a 400 naming the fields.")
	ResponseEntity<MessageResource> create(Viewer viewer, @RequestBody MessageRequest request) {
		ProgrammeMessage message = this.communications.create(viewer, request.toDraft());
		return ResponseEntity.created(URI.create("/api/v1/programme/communications/messages/" + message.id()))
			.body(MessageResource.of(this.communications.get(viewer, message.id())));
	}

	@PutMapping("/messages/{id}")
	@Operation(summary = "Change a queued message",
			description = "Send every field and the version you read (409 when it changed since). A message sent "
					+ "already is a 400.")
	MessageResource update(Viewer viewer, @PathVariable UUID id, @RequestBody MessageRequest request) {
		long version = ApiResources.requireVersion(request.version(), Communications.RECORD_TYPE);
		this.communications.update(viewer, id, version, request.toDraft());
		return MessageResource.of(this.communications.get(viewer, id));
	}

	@DeleteMapping("/messages/{id}")
	@Operation(summary = "Take a queued message off its queue", description = "A message sent already is a 400.")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.communications.delete(viewer, id));
	}

	@GetMapping("/repetitions")
	@Operation(summary = "Repetitions of each key message per person",
			description = "Per key message and team: the people it was meant for, and how many received it fewer "
					+ "than 5, 5 to 7 and more than 7 times (deliveries delivered); and the people below or above.")
	Communications.RepetitionReport repetitions(Viewer viewer) {
		return this.communications.repetitions(viewer);
	}

}
