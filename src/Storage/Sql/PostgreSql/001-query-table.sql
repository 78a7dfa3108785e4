-- Orleans' ADO.NET providers load their SQL text from this table by key at start.
-- Every statement a provider runs lives in the later scripts; this one only makes the table.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
