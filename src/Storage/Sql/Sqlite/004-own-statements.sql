-- Embedded mode no longer runs Orleans' ADO.NET providers: SqliteGrainStorage and
-- SqliteReminderTable carry their own statements over GridGrainState and GridReminder
-- (same columns, keys and version rules), so the query text kept for the providers goes.
DROP TABLE IF EXISTS OrleansQuery;
