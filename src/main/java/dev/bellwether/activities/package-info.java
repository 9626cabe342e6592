/**
 * Activities: tasks, calls, meetings and notes logged against accounts, contacts and
 * opportunities ({@link dev.bellwether.activities.Activities}); the "my open tasks" list;
 * and the record timeline ({@link dev.bellwether.activities.Timeline}), which merges the
 * entries every module contributes through a
 * {@link dev.bellwether.platform.timeline.TimelineSource}. Logging work on a record
 * publishes a {@link dev.bellwether.platform.RecordTouched}, so the owning module keeps
 * its freshness up to date. An activity on an opportunity is visible to whoever may see
 * the opportunity, one on a lead to whoever may see the lead
 * ({@link dev.bellwether.marketing.LeadAccess}); other activities to everyone signed in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities")
package dev.bellwether.activities;
