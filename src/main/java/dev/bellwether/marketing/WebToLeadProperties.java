package dev.bellwether.marketing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of the public web-to-lead endpoint ({@code bellwether.web-to-lead.*}).
 *
 * @param postsPerMinute posts one client address may send to one form in a calendar
 * minute; the next is answered 429 until the minute is over
 * @param maxBodySize the largest body a post may have (413 beyond it)
 * @param trustedProxies the addresses of the reverse proxies in front of Bellwether: only
 * a request that comes from one of them has its client address taken from
 * {@code X-Forwarded-For} (the right-most entry that is not itself a trusted proxy); any
 * other request is counted by the address of its connection, whatever it claims
 */
@ConfigurationProperties("bellwether.web-to-lead")
public record WebToLeadProperties(@DefaultValue("10") int postsPerMinute, @DefaultValue("16KB") DataSize maxBodySize,
		@DefaultValue List<String> trustedProxies) {

	public WebToLeadProperties {
		trustedProxies = (trustedProxies == null) ? List.of() : List.copyOf(trustedProxies);
	}

}
