-- Rows owned by one grain (IGrainRowStore): many small records a grain reads together when it
-- activates and then writes one at a time, so a write costs the same with ten rows as with ten
-- thousand (a village's open-task board, a notification inbox). Kind names the grain's use,
-- Owner its key; RowKey orders the rows of one owner.
CREATE TABLE IF NOT EXISTS GridGrainRow
(
    ServiceId  TEXT NOT NULL,
    Kind       TEXT NOT NULL,
    Owner      TEXT NOT NULL,
    RowKey     TEXT NOT NULL,
    Payload    TEXT NOT NULL,
    ModifiedOn TEXT NOT NULL,
    PRIMARY KEY (ServiceId, Kind, Owner, RowKey)
) WITHOUT ROWID;
