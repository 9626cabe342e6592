package dev.bellwether.programme.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.programme.Communications;
import dev.bellwether.programme.ProgrammeMessage;
import dev.bellwether.programme.ProgrammeMessage.AdkarStage;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.ProgrammeMessage.SenderKind;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The message editor's fields.
 */
public class MessageFormData {

	private String title;

	private String body;

	private Channel channel;

	private SenderKind senderKind;

	private UUID senderId;

	private AdkarStage stage;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate sendOn;

	private String keyMessage;

	private List<String> roles = new ArrayList<>();

	private List<String> teams = new ArrayList<>();

	private List<UUID> waves = new ArrayList<>();

	private Long version;

	static MessageFormData defaults(LocalDate today) {
		MessageFormData form = new MessageFormData();
		form.setChannel(Channel.ANNOUNCEMENT);
		form.setSenderKind(SenderKind.SPONSOR);
		form.setStage(AdkarStage.AWARENESS);
		form.setSendOn(today);
		return form;
	}

	static MessageFormData of(ProgrammeMessage message) {
		MessageFormData form = new MessageFormData();
		form.setTitle(message.title());
		form.setBody(message.body());
		form.setChannel(message.channel());
		form.setSenderKind(message.senderKind());
		form.setSenderId(message.senderId());
		form.setStage(message.stage());
		form.setSendOn(message.sendOn());
		form.setKeyMessage(message.keyMessage());
		form.setRoles(new ArrayList<>(message.audience().roles()));
		form.setTeams(new ArrayList<>(message.audience().teams()));
		form.setWaves(new ArrayList<>(message.audience().waveIds()));
		form.setVersion(message.version());
		return form;
	}

	Communications.MessageDraft toDraft() {
		return new Communications.MessageDraft(this.title, this.body, this.channel, this.senderKind, this.senderId,
				this.stage, this.sendOn, this.keyMessage, this.roles, this.teams, this.waves);
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public void setChannel(Channel channel) {
		this.channel = channel;
	}

	public SenderKind getSenderKind() {
		return this.senderKind;
	}

	public void setSenderKind(SenderKind senderKind) {
		this.senderKind = senderKind;
	}

	public UUID getSenderId() {
		return this.senderId;
	}

	public void setSenderId(UUID senderId) {
		this.senderId = senderId;
	}

	public AdkarStage getStage() {
		return this.stage;
	}

	public void setStage(AdkarStage stage) {
		this.stage = stage;
	}

	public LocalDate getSendOn() {
		return this.sendOn;
	}

	public void setSendOn(LocalDate sendOn) {
		this.sendOn = sendOn;
	}

	public String getKeyMessage() {
		return this.keyMessage;
	}

	public void setKeyMessage(String keyMessage) {
		this.keyMessage = keyMessage;
	}

	public List<String> getRoles() {
		return this.roles;
	}

	public void setRoles(List<String> roles) {
		this.roles = roles;
	}

	public List<String> getTeams() {
		return this.teams;
	}

	public void setTeams(List<String> teams) {
		this.teams = teams;
	}

	public List<UUID> getWaves() {
		return this.waves;
	}

	public void setWaves(List<UUID> waves) {
		this.waves = waves;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
