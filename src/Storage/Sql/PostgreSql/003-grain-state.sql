-- Grain state for the ADO.NET grain storage provider.
-- One row per (service, grain type, grain id). The payload is the JSON text written by Grid's
-- System.Text.Json serializer, kept verbatim in a json column (readable, exact round trip);
-- Orleans hands it over as bytes, hence convert_from / convert_to. A cleared state keeps its
-- row with a NULL payload, so the version (ETag) never goes back.
CREATE TABLE IF NOT EXISTS GridGrainState
(
    ServiceId        text        NOT NULL,
    GrainType        text        NOT NULL,
    GrainIdN0        bigint      NOT NULL,
    GrainIdN1        bigint      NOT NULL,
    GrainIdExtension text        NOT NULL, -- '' when the grain key has no string part
    Payload          json        NULL,
    Version          integer     NOT NULL,
    ModifiedOn       timestamptz NOT NULL,
    PRIMARY KEY (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
SELECT convert_to(Payload::text, 'UTF8') AS PayloadBinary, Version
FROM GridGrainState
WHERE ServiceId = @ServiceId AND GrainType = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtension = COALESCE(@GrainIdExtensionString, '');
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Insert when the grain holds no ETag, else update only if the stored version equals it.
-- Always one row: the new version, or the unchanged ETag on a conflict (Orleans then raises
-- InconsistentStateException).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
WITH added AS (
    INSERT INTO GridGrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload, Version, ModifiedOn)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''),
           convert_from(@PayloadBinary, 'UTF8')::json, 1, now()
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension) DO NOTHING
    RETURNING Version),
changed AS (
    UPDATE GridGrainState
    SET Payload = convert_from(@PayloadBinary, 'UTF8')::json, Version = Version + 1, ModifiedOn = now()
    WHERE ServiceId = @ServiceId AND GrainType = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtension = COALESCE(@GrainIdExtensionString, '')
      AND Version = @GrainStateVersion
    RETURNING Version)
SELECT COALESCE((SELECT Version FROM added), (SELECT Version FROM changed), @GrainStateVersion) AS NewGrainStateVersion;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE GridGrainState
    SET Payload = NULL, Version = Version + 1, ModifiedOn = now()
    WHERE ServiceId = @ServiceId AND GrainType = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtension = COALESCE(@GrainIdExtensionString, '')
      AND Version = @GrainStateVersion
    RETURNING Version)
SELECT COALESCE((SELECT Version FROM cleared), @GrainStateVersion) AS Version;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
