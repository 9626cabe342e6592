package dev.bellwether.service.mail;

/**
 * A file that came with a message, at most {@link InboundMailParser#MAX_ATTACHMENT_SIZE}.
 */
public record MailAttachment(String fileName, String contentType, long size, byte[] content) {

}
