package dev.bellwether.marketing;

/**
 * Who sent a web-to-lead post, as far as the request tells.
 *
 * @param address the client address (see {@link WebToLeadProperties#trustedProxies()})
 * @param origin the {@code Origin} header, or {@code null} when there is none
 * @param referrer the {@code Referer} header, or {@code null}
 * @param userAgent the {@code User-Agent} header, or {@code null}
 */
public record WebLeadClient(String address, String origin, String referrer, String userAgent) {

}
