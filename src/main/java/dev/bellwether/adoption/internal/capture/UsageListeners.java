package dev.bellwether.adoption.internal.capture;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.adoption.internal.capture.UsageEvent.Client;
import dev.bellwether.identity.UserLoggedIn;
import dev.bellwether.identity.UserLoggedOut;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.usage.FeatureUsed;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.platform.edit.RecordsEdited;
import dev.bellwether.platform.export.RecordsExported;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Captures what is not a page or an API read: creates, updates and deletes of records
 * (from {@link RecordChanged}), inline edits and bulk actions ({@link RecordsEdited}),
 * exports of lists ({@link RecordsExported}), features a module reports itself
 * ({@link FeatureUsed}: opening a saved list view), sign-ins and sign-outs.
 * <p>
 * An event published in a transaction is captured only once that transaction has
 * committed, so a rolled-back change is never counted; one published outside a
 * transaction is captured at once. This is
 * {@code @TransactionalEventListener(AFTER_COMMIT)} with a fall-back, done by hand with a
 * transaction synchronization: Spring Modulith's event publication registry stores a row
 * for every after-commit listener, which would add two writes to every business change
 * for an event that is only queued in memory. The listener only queues; the recorder's
 * writer does the rest.
 */
class UsageListeners {

	/**
	 * The module that owns each record type, for the feature key ({@code sales:CREATE}).
	 * Names, not the modules' constants: adoption depends on no module it need not.
	 */
	static final Map<String, String> MODULE_OF_RECORD_TYPE = Map.of("account", "customers", "contact", "customers",
			"opportunity", "sales", "product", "sales", "pipeline stage", "sales", "activity", "activities", "user",
			"identity", "lead", "marketing", "campaign", "marketing", "case", "service");

	private final UsageRecorder recorder;

	UsageListeners(UsageRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(RecordChanged event) {
		// what an import wrote is the old system's history, not the importing user's use
		if (!this.recorder.isEnabled() || event.actorId() == null || event.imported()) {
			return;
		}
		UsageKind kind = switch (event.kind()) {
			case CREATED -> UsageKind.CREATE;
			case UPDATED, RESTORED -> UsageKind.UPDATE;
			case DELETED, PURGED -> UsageKind.DELETE;
		};
		HttpServletRequest request = currentRequest();
		String module = MODULE_OF_RECORD_TYPE.get(event.recordType());
		if (module == null && request != null && request
			.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
			module = HandlerUsage.moduleOf(handler.getBeanType());
		}
		Client client = (request == null) ? Client.WEB : Client.of(request);
		afterCommit(new UsageEvent(event.actorId(), event.at(), kind, module, event.recordType(), event.recordId(),
				client));
	}

	/**
	 * A set-based change of many records: each counts as its own change.
	 */
	@EventListener
	void on(RecordsChanged event) {
		event.changes().forEach(this::on);
	}

	/**
	 * An inline edit or a bulk action, counted for the module that owns the record type
	 * (beside the {@code UPDATE} of each record changed).
	 */
	@EventListener
	void on(RecordsEdited event) {
		if (!this.recorder.isEnabled() || event.actorId() == null) {
			return;
		}
		HttpServletRequest request = currentRequest();
		Client client = (request == null) ? Client.WEB : Client.of(request);
		afterCommit(new UsageEvent(event.actorId(), event.at(), event.kind(),
				MODULE_OF_RECORD_TYPE.get(event.recordType()), event.recordType(), event.recordId(), client));
	}

	/**
	 * A list exported, counted as an {@code EXPORT} for the module that owns the record
	 * type.
	 */
	@EventListener
	void on(RecordsExported event) {
		if (!this.recorder.isEnabled() || event.actorId() == null) {
			return;
		}
		HttpServletRequest request = currentRequest();
		Client client = (request == null) ? Client.WEB : Client.of(request);
		afterCommit(new UsageEvent(event.actorId(), event.at(), UsageKind.EXPORT,
				MODULE_OF_RECORD_TYPE.get(event.recordType()), event.recordType(), null, client,
				(int) Math.min(event.rows(), Integer.MAX_VALUE)));
	}

	@EventListener
	void on(FeatureUsed event) {
		if (this.recorder.isEnabled() && event.userId() != null) {
			HttpServletRequest request = currentRequest();
			afterCommit(new UsageEvent(event.userId(), event.at(), event.kind(), event.module(), event.recordType(),
					event.recordId(), (request == null) ? Client.WEB : Client.of(request)));
		}
	}

	@EventListener
	void on(UserLoggedIn event) {
		if (this.recorder.isEnabled()) {
			afterCommit(new UsageEvent(event.userId(), event.at(), UsageKind.LOGIN, null, null, null, Client.WEB));
		}
	}

	@EventListener
	void on(UserLoggedOut event) {
		if (this.recorder.isEnabled()) {
			afterCommit(new UsageEvent(event.userId(), event.at(), UsageKind.LOGOUT, null, null, null, Client.WEB));
		}
	}

	private void afterCommit(UsageEvent event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					UsageListeners.this.recorder.record(event);
				}
			});
		}
		else {
			this.recorder.record(event);
		}
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}
