-- Positions in O(buckets), not O(partition).  A position counted every
-- queued application of its partition: 8 ms for a 16,000-long partition
-- of a country of a million (bench/run), over the 2 ms a read may take.
-- Now a trigger keeps how many queued applications each partition holds
-- per rank and per 30-day span of filing time (bq.queue_count), in the
-- same transaction as the move, so the counts are as true as the rows;
-- a position sums at most a few hundred of those and counts, in the
-- queue index, only the applications filed in its own span before it.
-- The columns the counts are keyed on can no longer change once filed.

-- The 30-day span of a filing time, and where a span starts.
CREATE FUNCTION bq.queue_bucket(t timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT floor(extract(epoch FROM t) / 2592000)::integer;
$$;

CREATE FUNCTION bq.queue_bucket_start(b integer) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT to_timestamp(b::double precision * 2592000);
$$;

CREATE TABLE bq.queue_count (
	queue_region uuid NOT NULL,
	queue_type text NOT NULL,
	queue_correction text NOT NULL,
	birth_year integer NOT NULL,
	rank smallint NOT NULL,
	bucket integer NOT NULL,
	n integer NOT NULL CHECK (n >= 0),
	PRIMARY KEY (queue_region, queue_type, queue_correction, birth_year,
	    rank, bucket)
);

-- The counts of a region's partitions recomputed from its applications:
-- for a bulk load that ran with triggers off (tests, bench/country.sql).
CREATE FUNCTION bq.queue_count_rebuild(p_region uuid) RETURNS void
LANGUAGE sql AS $$
	DELETE FROM bq.queue_count WHERE queue_region = p_region;
	INSERT INTO bq.queue_count
	SELECT queue_region, queue_type, queue_correction, birth_year, rank,
	    bq.queue_bucket(filed_at), count(*)
	FROM bq.application
	WHERE status = 'queued' AND queue_region = p_region
	GROUP BY 1, 2, 3, 4, 5, 6;
$$;

DO $$
BEGIN
	PERFORM bq.queue_count_rebuild(r)
	FROM (SELECT DISTINCT queue_region AS r FROM bq.application) x;
END
$$;

-- Joining or leaving the queue moves its count by one.
CREATE FUNCTION bq.queue_counted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	v_joined boolean := TG_OP <> 'DELETE' AND NEW.status = 'queued';
	v_left boolean := TG_OP <> 'INSERT' AND OLD.status = 'queued';
BEGIN
	IF v_joined = v_left THEN
		RETURN NULL;
	END IF;
	IF v_joined THEN
		INSERT INTO bq.queue_count AS c VALUES (NEW.queue_region,
		    NEW.queue_type, NEW.queue_correction, NEW.birth_year,
		    NEW.rank, bq.queue_bucket(NEW.filed_at), 1)
		ON CONFLICT (queue_region, queue_type, queue_correction,
		    birth_year, rank, bucket) DO UPDATE SET n = c.n + 1;
	ELSE
		UPDATE bq.queue_count SET n = n - 1
		WHERE queue_region = OLD.queue_region
		  AND queue_type = OLD.queue_type
		  AND queue_correction = OLD.queue_correction
		  AND birth_year = OLD.birth_year AND rank = OLD.rank
		  AND bucket = bq.queue_bucket(OLD.filed_at);
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER application_queue_counted
	AFTER INSERT OR DELETE OR UPDATE OF status ON bq.application
	FOR EACH ROW EXECUTE FUNCTION bq.queue_counted();

-- What a position is keyed on is fixed at filing.
CREATE FUNCTION bq.application_keys_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF (NEW.queue_region, NEW.queue_type, NEW.correction_type,
	    NEW.birth_year, NEW.rank, NEW.filed_at, NEW.seq)
	    IS DISTINCT FROM (OLD.queue_region, OLD.queue_type,
	    OLD.correction_type, OLD.birth_year, OLD.rank, OLD.filed_at,
	    OLD.seq) THEN
		RAISE EXCEPTION 'the queue keys of an application are fixed'
		    USING ERRCODE = 'BQ409';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER application_keys_fixed BEFORE UPDATE OF queue_region,
    queue_type, correction_type, birth_year, rank, filed_at, seq
	ON bq.application FOR EACH ROW
	EXECUTE FUNCTION bq.application_keys_fixed();

-- The same rule as before (bq.position_of), from the counts: the sizes
-- of the three lists, and how many of its own rank are ahead: all of
-- the earlier spans, and those of its span filed before it, counted in
-- the queue index (a short range scan, the settings pinning it).
CREATE OR REPLACE FUNCTION bq.position(a bq.application) RETURNS integer
LANGUAGE plpgsql STABLE
SET enable_seqscan = off SET enable_bitmapscan = off
SET max_parallel_workers_per_gather = 0 AS $$
DECLARE
	v_bucket integer := bq.queue_bucket(a.filed_at);
	v_e integer;
	v_p integer;
	v_o integer;
	v_ahead integer;
	v_near integer;
BEGIN
	IF a.status <> 'queued' THEN
		RETURN NULL;
	END IF;
	SELECT coalesce(sum(c.n) FILTER (WHERE c.rank = 0), 0),
	    coalesce(sum(c.n) FILTER (WHERE c.rank = 1), 0),
	    coalesce(sum(c.n) FILTER (WHERE c.rank = 2), 0),
	    coalesce(sum(c.n) FILTER (WHERE c.rank = a.rank
		AND c.bucket < v_bucket), 0)
	INTO v_e, v_p, v_o, v_ahead
	FROM bq.queue_count c
	WHERE c.queue_region = a.queue_region AND c.queue_type = a.queue_type
	  AND c.queue_correction = a.queue_correction
	  AND c.birth_year = a.birth_year;
	SELECT count(*) INTO v_near
	FROM bq.application q
	WHERE q.status = 'queued' AND q.queue_region = a.queue_region
	  AND q.queue_type = a.queue_type
	  AND q.queue_correction = a.queue_correction
	  AND q.birth_year = a.birth_year AND q.rank = a.rank
	  AND q.filed_at >= bq.queue_bucket_start(v_bucket)
	  AND (q.filed_at, q.seq) < (a.filed_at, a.seq);
	RETURN bq.position_of(a.rank, v_ahead + v_near + 1, v_e, v_p, v_o);
END
$$;
