package dev.bellwether.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.bellwether.adoption.SponsorAct;
import dev.bellwether.adoption.SponsorActivitySource;
import dev.bellwether.platform.SqlArrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The programme's part of sponsor activity (issue 18, item 2): a message in the sponsor's
 * name delivered to someone, on each day it was delivered (one act per message and day,
 * whatever the number of people reached), and a steering committee meeting the sponsor
 * chaired and was recorded as present at, on the day it was held. Read by the adoption
 * module's sponsor-inactivity alert.
 */
@Component
class ProgrammeSponsorActs implements SponsorActivitySource {

	private final JdbcClient jdbc;

	ProgrammeSponsorActs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<SponsorAct> acts(Collection<UUID> userIds, LocalDate from, LocalDate to) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		String ids = SqlArrays.of(userIds);
		List<SponsorAct> acts = new ArrayList<>(this.jdbc.sql("""
				select distinct d.sender_id, d.delivered_on, d.message_id, m.title
				from programme_message_deliveries d
				join programme_messages m on m.id = d.message_id
				where d.status = 'DELIVERED' and d.sender_id = any(cast(:ids as uuid[]))
				  and d.delivered_on between :from and :to
				""")
			.param("ids", ids)
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new SponsorAct(rs.getObject("sender_id", UUID.class),
					rs.getObject("delivered_on", LocalDate.class), SponsorAct.Kind.MESSAGE_SENT, rs.getString("title")))
			.list());
		acts.addAll(this.jdbc.sql("""
				select m.chair_id, m.held_on, m.title
				from programme_committee_meetings m
				join programme_committee_attendance a on a.meeting_id = m.id and a.user_id = m.chair_id
				where a.attended and m.chair_id = any(cast(:ids as uuid[])) and m.held_on between :from and :to
				""")
			.param("ids", ids)
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new SponsorAct(rs.getObject("chair_id", UUID.class),
					rs.getObject("held_on", LocalDate.class), SponsorAct.Kind.MEETING_CHAIRED, rs.getString("title")))
			.list());
		return acts;
	}

}
