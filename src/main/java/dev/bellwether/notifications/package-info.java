/**
 * The notification centre: messages to one person (adoption alerts, weekly digests),
 * shown under the bell in the navigation bar and sent by e-mail as well when an SMTP
 * server is configured ({@code spring.mail.host}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package dev.bellwether.notifications;
