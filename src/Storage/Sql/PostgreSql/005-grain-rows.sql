-- Rows owned by one grain (IGrainRowStore): many small records a grain reads together when it
-- activates and then writes one at a time, so a write costs the same with ten rows as with ten
-- thousand (a village's open-task board, a notification inbox). Kind names the grain's use,
-- Owner its key; RowKey orders the rows of one owner (compared byte-wise: COLLATE "C").
CREATE TABLE IF NOT EXISTS GridGrainRow
(
    ServiceId  text        NOT NULL,
    Kind       text        NOT NULL,
    Owner      text        NOT NULL,
    RowKey     text COLLATE "C" NOT NULL,
    Payload    json        NOT NULL,
    ModifiedOn timestamptz NOT NULL,
    PRIMARY KEY (ServiceId, Kind, Owner, RowKey)
);
