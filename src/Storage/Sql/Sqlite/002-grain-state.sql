-- Grain state for the ADO.NET grain storage provider.
-- One row per (service, grain type, grain id). The payload is the JSON text written by
-- Grid's System.Text.Json serializer; Orleans hands it over as bytes, so it is cast to TEXT
-- on the way in and back to BLOB on the way out, which keeps the file readable with sqlite3.
-- A cleared state keeps its row with a NULL payload, so the version (ETag) never goes back.
CREATE TABLE IF NOT EXISTS GridGrainState
(
    ServiceId        TEXT    NOT NULL,
    GrainType        TEXT    NOT NULL,
    GrainIdN0        INTEGER NOT NULL,
    GrainIdN1        INTEGER NOT NULL,
    GrainIdExtension TEXT    NOT NULL, -- '' when the grain key has no string part
    Payload          TEXT    NULL,
    Version          INTEGER NOT NULL,
    ModifiedOn       TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension)
) WITHOUT ROWID;

-- Read: PayloadBinary (bytes or NULL) and Version; no row when the grain never wrote.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT CAST(Payload AS BLOB) AS PayloadBinary, Version
FROM GridGrainState
WHERE ServiceId = @ServiceId AND GrainType = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtension = COALESCE(@GrainIdExtensionString, '''');');

-- Write: insert when the grain holds no ETag, otherwise update only if the stored version
-- still equals the grain''s ETag. Always answers one row, NewGrainStateVersion: the new
-- version on success, the unchanged ETag on a conflict (Orleans then raises
-- InconsistentStateException). changes() reports the upsert just before it.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO GridGrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload, Version, ModifiedOn)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''),
       CAST(@PayloadBinary AS TEXT), 1, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM GridGrainState
              WHERE ServiceId = @ServiceId AND GrainType = @GrainTypeString
                AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
                AND GrainIdExtension = COALESCE(@GrainIdExtensionString, ''''))
ON CONFLICT (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension) DO UPDATE
SET Payload = excluded.Payload, Version = GridGrainState.Version + 1, ModifiedOn = excluded.ModifiedOn
WHERE GridGrainState.Version = @GrainStateVersion;
SELECT CASE WHEN changes() > 0 THEN COALESCE(@GrainStateVersion, 0) + 1 ELSE @GrainStateVersion END AS NewGrainStateVersion;');

-- Clear: drop the payload, bump the version; answers the new version, or the unchanged
-- ETag on a conflict.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE GridGrainState
SET Payload = NULL, Version = Version + 1, ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE ServiceId = @ServiceId AND GrainType = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtension = COALESCE(@GrainIdExtensionString, '''')
  AND Version = @GrainStateVersion;
SELECT CASE WHEN changes() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END AS Version;');
