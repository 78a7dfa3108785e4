-- Cluster membership for Orleans' ADO.NET clustering (silos and gateway clients).
-- DeploymentId is Orleans' ClusterId. The version row is the membership table's ETag: every
-- insert or update of a member must name the current version and bumps it in the same
-- statement; the FOR UPDATE lock on the version row makes concurrent writers take turns.
CREATE TABLE IF NOT EXISTS GridMembershipVersion
(
    DeploymentId text        NOT NULL PRIMARY KEY,
    Version      integer     NOT NULL,
    Timestamp    timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS GridMembership
(
    DeploymentId text        NOT NULL REFERENCES GridMembershipVersion (DeploymentId),
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Answers one boolean: whether this call created the version row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO GridMembershipVersion (DeploymentId, Version, Timestamp)
    VALUES (@DeploymentId, 0, now())
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created);
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $q$
UPDATE GridMembership SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Answers one boolean: true when the version matched, the row was new and the version moved on.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $q$
WITH expected AS (
    SELECT DeploymentId FROM GridMembershipVersion
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE),
added AS (
    INSERT INTO GridMembership (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM expected
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING
    RETURNING 1),
bumped AS (
    UPDATE GridMembershipVersion SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND EXISTS (SELECT 1 FROM added)
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM bumped);
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Answers one boolean: true when the version matched, the member existed and the version moved on.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $q$
WITH expected AS (
    SELECT DeploymentId FROM GridMembershipVersion
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE),
changed AS (
    UPDATE GridMembership
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
      AND EXISTS (SELECT 1 FROM expected)
    RETURNING 1),
bumped AS (
    UPDATE GridMembershipVersion SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND EXISTS (SELECT 1 FROM changed)
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM bumped);
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Always one row per member, or one row of NULL member columns, each with the table version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM GridMembershipVersion v
LEFT JOIN GridMembership m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM GridMembershipVersion v
LEFT JOIN GridMembership m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $q$
DELETE FROM GridMembership WHERE DeploymentId = @DeploymentId;
DELETE FROM GridMembershipVersion WHERE DeploymentId = @DeploymentId;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Gateways a client may connect to: active silos that listen for clients.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM GridMembership
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Dead silos (status 6) that stopped heart-beating before the cut-off.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM GridMembership
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status = 6;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- One dead silo, only if its row is still exactly as Orleans read it.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $q$
DELETE FROM GridMembership
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND Status = 6 AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND SuspectTimes IS NOT DISTINCT FROM @SuspectTimes;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
