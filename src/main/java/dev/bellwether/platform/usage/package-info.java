/**
 * What modules tell usage capture about their handlers ({@link Usage}), and the kinds of
 * use counted ({@link UsageKind}); the adoption module captures and counts.
 */
package dev.bellwether.platform.usage;
