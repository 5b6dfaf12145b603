-- Grain state and reminder tables for the Orleans ADO.NET providers (Invariant "Npgsql"), and the statements
-- those providers load from OrleansQuery at start-up. Every statement is idempotent: PostgresSchema runs this
-- script on each silo start, in one transaction under an advisory lock, so concurrent silos apply it in turn.
-- The providers bind parameters by name (@ServiceId, @GrainIdHash, ...) and read result columns by name, so
-- the quoted aliases below are part of the contract with Microsoft.Orleans.Persistence.AdoNet and
-- Microsoft.Orleans.Reminders.AdoNet 10.x.

DO $$
BEGIN
    -- Grain state is stored as UTF-8 JSON and handed back as UTF-8 bytes; other encodings would mangle it.
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'Database "%" uses encoding %, but grain state needs UTF8.',
            current_database(), current_setting('server_encoding')
            USING HINT = 'Create the database with ENCODING ''UTF8''.';
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);

-- One row per (service, state name, grain key). The provider passes the state name where its parameters say
-- @GrainTypeString, and splits the grain key into @GrainIdN0/@GrainIdN1 (integer and Guid keys) and
-- @GrainIdExtensionString (string keys and key extensions; stored as '' when absent so it can be in the key).
-- A cleared state keeps its row with a NULL payload and a bumped version, so a stale writer is still rejected.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id text NOT NULL,
    state_name text NOT NULL,
    grain_id_n0 bigint NOT NULL,
    grain_id_n1 bigint NOT NULL,
    grain_key text NOT NULL,
    grain_id_hash integer NOT NULL,
    state_name_hash integer NOT NULL,
    payload json,
    version integer NOT NULL,
    modified_on timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_orleans_grain_state PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_key)
);

-- Returns the new version, or no row when the expected version does not match what is stored (a stale writer,
-- or a second activation creating the same state), which the provider raises as InconsistentStateException.
CREATE OR REPLACE FUNCTION orleans_write_grain_state(
    service_id_arg text,
    state_name_arg text,
    grain_id_n0_arg bigint,
    grain_id_n1_arg bigint,
    grain_key_arg text,
    grain_id_hash_arg integer,
    state_name_hash_arg integer,
    expected_version_arg integer,
    payload_arg bytea)
    RETURNS TABLE ("NewGrainStateVersion" integer)
    LANGUAGE plpgsql
AS $$
BEGIN
    IF expected_version_arg IS NULL THEN
        RETURN QUERY
        INSERT INTO orleans_grain_state AS s
            (service_id, state_name, grain_id_n0, grain_id_n1, grain_key, grain_id_hash, state_name_hash, payload, version)
        VALUES
            (service_id_arg, state_name_arg, grain_id_n0_arg, grain_id_n1_arg, coalesce(grain_key_arg, ''),
             grain_id_hash_arg, state_name_hash_arg, convert_from(payload_arg, 'UTF8')::json, 1)
        ON CONFLICT ON CONSTRAINT pk_orleans_grain_state DO NOTHING
        RETURNING s.version;
    ELSE
        RETURN QUERY
        UPDATE orleans_grain_state AS s
        SET payload = convert_from(payload_arg, 'UTF8')::json,
            version = s.version + 1,
            modified_on = now()
        WHERE s.service_id = service_id_arg
          AND s.state_name = state_name_arg
          AND s.grain_id_n0 = grain_id_n0_arg
          AND s.grain_id_n1 = grain_id_n1_arg
          AND s.grain_key = coalesce(grain_key_arg, '')
          AND s.version = expected_version_arg
        RETURNING s.version;
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id text NOT NULL,
    grain_id text NOT NULL,
    reminder_name text NOT NULL,
    start_time timestamptz NOT NULL,
    period_ms bigint NOT NULL,
    grain_hash integer NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_orleans_reminders PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo reads the reminders of its ring range by grain hash.
CREATE INDEX IF NOT EXISTS ix_orleans_reminders_grain_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'WriteToStorageKey',
    'SELECT "NewGrainStateVersion" FROM orleans_write_grain_state(
        @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
        @GrainIdHash, @GrainTypeHash, @GrainStateVersion, @PayloadBinary)'
),
(
    'ReadFromStorageKey',
    'SELECT convert_to(payload::text, ''UTF8'') AS "PayloadBinary", version AS "Version"
    FROM orleans_grain_state
    WHERE service_id = @ServiceId
      AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_key = coalesce(@GrainIdExtensionString, '''')'
),
(
    'ClearStorageKey',
    'UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_on = now()
    WHERE service_id = @ServiceId
      AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_key = coalesce(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion
    RETURNING version AS "NewGrainStateVersion"'
),
-- Used only with AdoNetGrainStorageOptions.DeleteStateOnClear. The provider treats a returned value equal to
-- the expected version as a conflict, so a successful delete returns the next version instead.
(
    'DeleteStorageKey',
    'DELETE FROM orleans_grain_state
    WHERE service_id = @ServiceId
      AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_key = coalesce(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion
    RETURNING version + 1 AS "NewGrainStateVersion"'
),
-- Upserts always succeed; the version only tells a reminder's holder whether it may still delete it.
(
    'UpsertReminderRowKey',
    'INSERT INTO orleans_reminders AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT ON CONSTRAINT pk_orleans_reminders DO UPDATE
    SET start_time = excluded.start_time,
        period_ms = excluded.period_ms,
        grain_hash = excluded.grain_hash,
        version = r.version + 1
    RETURNING r.version AS "Version"'
),
(
    'ReadReminderRowsKey',
    'SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
        period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId'
),
(
    'ReadReminderRowKey',
    'SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
        period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName'
),
-- A ring range that does not wrap around in signed order: (BeginHash, EndHash].
(
    'ReadRangeRows1Key',
    'SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
        period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash'
),
-- A ring range that wraps around: (BeginHash, max] and [min, EndHash].
(
    'ReadRangeRows2Key',
    'SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
        period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)'
),
(
    'DeleteReminderRowKey',
    'WITH deleted AS (
        DELETE FROM orleans_reminders
        WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
          AND version = @Version
        RETURNING 1)
    SELECT count(*) > 0 FROM deleted'
),
(
    'DeleteReminderRowsKey',
    'DELETE FROM orleans_reminders WHERE service_id = @ServiceId'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
