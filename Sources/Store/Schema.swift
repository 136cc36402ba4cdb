import GRDB

/// The archive's migrations. Never edit a registered migration: add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: meetings, sentences, bookmarks, notes, search") { db in
            try createMeetingTables(db)
            try createSearchIndex(db)
        }
        migrator.registerMigration("v2: audio tracks and gaps") { db in
            try createAudioTables(db)
        }
        migrator.registerMigration("v3: the lock a live meeting's process holds") { db in
            // A meeting being recorded or transcribed names a lock file its process holds (flock), so
            // crash recovery can tell a live meeting from one whose process died, with or without audio.
            try db.execute(sql: "ALTER TABLE meeting ADD COLUMN owner_lock TEXT")
        }
        migrator.registerMigration("v4: untranscribed stretches, emotion, billed audio") { db in
            try createTranscriptDetails(db)
        }
        migrator.registerMigration("v5: pauses") { db in
            // The meeting screen's pause is an untranscribed stretch too, for a reason of the user's.
            try db.execute(
                sql:
                    "ALTER TABLE transcript_gap ADD COLUMN reason TEXT NOT NULL DEFAULT 'engine' CHECK (reason IN ('engine', 'paused'))"
            )
        }
        migrator.registerMigration("v6: pairs of ideographs in the search index") { db in
            try SearchIndex.sentences.rebuild(db)
        }
        migrator.registerMigration("v7: meeting ids are never reused") { db in
            // What AUTOINCREMENT would give, without rebuilding `meeting` and every table that refers
            // to it: the highest id ever used, raised by every insert; a new meeting's id is above it.
            // A script that noted "meeting 12" must never find another meeting under that id.
            try db.execute(
                sql: """
                    CREATE TABLE meeting_id_high_water (id INTEGER NOT NULL);
                    INSERT INTO meeting_id_high_water (id) SELECT coalesce(max(id), 0) FROM meeting;
                    CREATE TRIGGER meeting_id_high_water_raise AFTER INSERT ON meeting BEGIN
                        UPDATE meeting_id_high_water SET id = max(id, new.id);
                    END;
                    """)
        }
        migrator.registerMigration("v8: notes, bookmarks and titles searched; emoji in the index") { db in
            // The four indexes there were then, named: a later index is created by its own migration.
            for index in [SearchIndex.sentences, .notes, .bookmarks, .titles] { try index.rebuild(db) }
        }
        migrator.registerMigration("v9: earlier transcripts of a re-transcribed meeting") { db in
            try createTranscriptVersions(db)
        }
        migrator.registerMigration("v10: summaries, searched") { db in
            // One summary per meeting (a new one replaces it); its id is the index's rowid.
            try db.execute(
                sql: """
                    CREATE TABLE summary (
                        id INTEGER PRIMARY KEY,
                        meeting_id INTEGER NOT NULL UNIQUE REFERENCES meeting(id) ON DELETE CASCADE,
                        text TEXT NOT NULL,
                        model TEXT NOT NULL,
                        created_at_ms INTEGER NOT NULL,
                        transcript_version INTEGER NOT NULL
                    );
                    """)
            try SearchIndex.summaries.create(db)
        }
        return migrator
    }

    /// A re-transcription keeps the transcript it replaces: its sentences and the engine's untranscribed
    /// stretches, with the engine that made them. `meeting.transcript_version` numbers the current one
    /// (1: the transcript made while recording); each earlier one is a `transcript_version` row. Not
    /// searched: a search finds what the meeting says now.
    private static func createTranscriptVersions(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE meeting ADD COLUMN transcript_version INTEGER NOT NULL DEFAULT 1;
                CREATE TABLE transcript_version (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL CHECK (number >= 1),
                    replaced_at_ms INTEGER NOT NULL,  -- Unix time, milliseconds
                    engine TEXT,
                    model TEXT,
                    language TEXT,
                    billed_seconds INTEGER,
                    UNIQUE (meeting_id, number)
                );
                CREATE TABLE version_sentence (
                    id INTEGER PRIMARY KEY,
                    version_id INTEGER NOT NULL REFERENCES transcript_version(id) ON DELETE CASCADE,
                    start_ms INTEGER NOT NULL,
                    end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
                    text TEXT NOT NULL,
                    speaker TEXT,
                    words TEXT,
                    emotion TEXT,
                    emotion_confidence REAL
                );
                CREATE INDEX version_sentence_by_version ON version_sentence(version_id, start_ms);
                CREATE TABLE version_gap (
                    id INTEGER PRIMARY KEY,
                    version_id INTEGER NOT NULL REFERENCES transcript_version(id) ON DELETE CASCADE,
                    source TEXT,
                    start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
                    end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms)
                );
                """)
    }

    /// What cloud engines add: the stretches a long outage left untranscribed (the audio file has
    /// them), each sentence's emotion, and the billable audio the service reported.
    private static func createTranscriptDetails(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE transcript_gap (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    source TEXT,
                    start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
                    end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms)
                );
                CREATE INDEX transcript_gap_by_meeting ON transcript_gap(meeting_id, start_ms);
                ALTER TABLE sentence ADD COLUMN emotion TEXT;
                ALTER TABLE sentence ADD COLUMN emotion_confidence REAL;
                ALTER TABLE meeting ADD COLUMN billed_seconds INTEGER;
                """)
    }

    /// One file per source of a meeting, and the stretches a source could not record.
    /// `meeting.audio_path` stays: it is the first track's file, as v1 readers expect.
    private static func createAudioTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE audio_track (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    source TEXT NOT NULL,             -- the label: "Me", "Them", ...
                    device TEXT,                      -- the PulseAudio source name
                    path TEXT NOT NULL,
                    UNIQUE (meeting_id, source)
                );
                CREATE TABLE audio_gap (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    source TEXT NOT NULL,
                    at_ms INTEGER NOT NULL,
                    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0)
                );
                CREATE INDEX audio_gap_by_meeting ON audio_gap(meeting_id, at_ms);
                """)
    }

    private static func createMeetingTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meeting (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    started_at_ms INTEGER NOT NULL,   -- Unix time, milliseconds
                    utc_offset_s INTEGER NOT NULL,    -- where it was recorded, seconds east of UTC
                    ended_at_ms INTEGER,              -- NULL while recording, or when unknown
                    status TEXT NOT NULL CHECK (status IN ('recording', 'complete', 'interrupted')),
                    engine TEXT,
                    model TEXT,
                    language TEXT,
                    audio_path TEXT
                );
                CREATE INDEX meeting_by_start ON meeting(started_at_ms);
                CREATE TABLE meeting_tag (
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    tag TEXT NOT NULL,
                    PRIMARY KEY (meeting_id, tag)
                ) WITHOUT ROWID;
                CREATE TABLE sentence (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    start_ms INTEGER NOT NULL,        -- from the meeting's start
                    end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
                    text TEXT NOT NULL,
                    speaker TEXT,
                    words TEXT                        -- JSON array of word timings, or NULL
                );
                CREATE INDEX sentence_by_meeting ON sentence(meeting_id, start_ms);
                CREATE TABLE bookmark (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    at_ms INTEGER NOT NULL,
                    label TEXT NOT NULL
                );
                CREATE INDEX bookmark_by_meeting ON bookmark(meeting_id, at_ms);
                CREATE TABLE note (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    at_ms INTEGER NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX note_by_meeting ON note(meeting_id, at_ms);
                """)
    }

    /// v1's search index: one column of words, ideographs split apart. v6 replaces it (`SearchIndex`).
    private static func createSearchIndex(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE sentence_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
                CREATE TRIGGER sentence_search_delete AFTER DELETE ON sentence BEGIN
                    DELETE FROM sentence_search WHERE rowid = old.id;
                END;
                """)
    }
}
