-- The catalogue search, made to use its indexes (bench/run: 12 ms a
-- page of twenty in a region of 300 kindergartens, 105 a second).
--
-- A region's kindergartens are found by an index on (region, code), the
-- region and its districts named as one array: an OR with a subquery kept
-- the planner from the region index, and it walked the whole country in
-- code order.  A page's items read each kindergarten's groups once, not
-- four times, and the seats a group has taken come from an index that
-- holds what the count looks at, without visiting the table.
CREATE INDEX kindergarten_region_code ON bq.kindergarten (region_id, code);
DROP INDEX bq.kindergarten_region;
CREATE INDEX seat_live ON bq.seat (group_id) INCLUDE (kind, held_until)
	WHERE released_at IS NULL;
DROP INDEX bq.seat_taken;
