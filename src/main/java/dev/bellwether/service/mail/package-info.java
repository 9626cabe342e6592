/**
 * E-mail to case (docs/service.md, "E-mail to case"): the support mailbox polled over
 * IMAP ({@link dev.bellwether.service.mail.MailboxPoller}) or messages posted to
 * {@code /api/v1/inbound-mail}, read
 * ({@link dev.bellwether.service.mail.InboundMailParser}) and received once per
 * Message-ID ({@link dev.bellwether.service.mail.InboundMail}): a new message opens a
 * case, a reply joins its case by its reference headers or the
 * {@link dev.bellwether.service.mail.CaseToken}, automatic mail and loops are held
 * ({@link dev.bellwether.service.mail.AutomaticMail}); agents' public replies and
 * acknowledgements go out over SMTP ({@link dev.bellwether.service.mail.CaseMailer}).
 * Owns table {@code case_mail_messages}.
 */
package dev.bellwether.service.mail;
