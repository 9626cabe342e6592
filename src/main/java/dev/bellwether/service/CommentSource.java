package dev.bellwether.service;

/**
 * Who wrote a case comment: an agent in Bellwether, the customer (by e-mail or a form),
 * or Bellwether itself (an automatic note).
 */
public enum CommentSource {

	AGENT, CUSTOMER, SYSTEM

}
