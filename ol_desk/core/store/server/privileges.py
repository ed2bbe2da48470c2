"""What each group role may do on the server, as SQL: grants, row-level security, and the guard triggers.

Applied by `ol-desk server init` after every schema upgrade (idempotent: policies and functions are replaced), so
the rights always match the tables. The services check roles too, for clear messages; this is the guarantee.

- every app role reads everything (the register is force-wide);
- CPIC writes every register table, reference data, people (a trigger keeps logins to the owner), imports
  and profiles;
- a hub officer updates recommendations assigned to their hub (and their themes and links) and the actions of
  their hub, and posts updates, evidence and date changes only on those; may apply (and undo) their hub's
  round-trip workbook; recording documents and findings and assigning hubs are CPIC's (the services agree);
- a Gold Group lead logs learning;
- CPIC and hub officers record chases (a hub officer only of their hub's items: chase_items is row-secured and
  "last chased" is set through the same update rights as the rest of the row);
- the Board records closure decisions (and reopenings) on recommendations, nothing else;
- a viewer reads;
- nobody changes or deletes audit events (no grant, plus a trigger that refuses even the owner), and an event
  a login appends must name the person mapped to that login;
- moving a recommendation to Closed needs the Board (a row imported already closed, by CPIC, is a closure made
  before ol-desk); to Evidence accepted (from Delivered) needs CPIC.
"""
from __future__ import annotations

from .roles import ALL_GROUPS, WRITER_GROUPS

REGISTER_TABLES = ("documents", "recommendations", "recommendation_hubs", "recommendation_themes", "actions",
                   "action_recommendations", "progress_updates", "evidence", "date_changes", "learning_entries",
                   "related_links")
CPIC_TABLES = REGISTER_TABLES + ("hubs", "themes", "import_batches", "import_profiles")
BOARD_COLUMNS = "status, board_decision_on, board_minute_ref, closed_on, last_update_on, version, updated_at"
# Tables whose rows a hub officer may touch only within their hub: row-level security is on for these.
RLS_TABLES = ("recommendations", "actions", "action_recommendations", "progress_updates", "evidence",
              "date_changes", "recommendation_themes", "related_links", "import_batches", "chase_items")

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION ol_is_owner() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT pg_has_role(session_user, (SELECT tableowner FROM pg_tables
                                    WHERE schemaname = current_schema() AND tablename = 'recommendations'), 'MEMBER')
$$;
CREATE OR REPLACE FUNCTION ol_holds(grp text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT ol_is_owner() OR pg_has_role(session_user, grp, 'MEMBER')
$$;
CREATE OR REPLACE FUNCTION ol_my_hub() RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT hub_id FROM people WHERE login = session_user AND active
$$;
CREATE OR REPLACE FUNCTION ol_my_rec(rec integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT rec IS NOT NULL AND EXISTS (SELECT 1 FROM recommendation_hubs
                                     WHERE recommendation_id = rec AND hub_id = ol_my_hub())
$$;
CREATE OR REPLACE FUNCTION ol_my_action(act integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT act IS NOT NULL AND EXISTS (SELECT 1 FROM actions WHERE id = act AND hub_id = ol_my_hub())
$$;

CREATE OR REPLACE FUNCTION ol_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION ol_audit_append_only();
DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION ol_audit_append_only();

CREATE OR REPLACE FUNCTION ol_audit_actor_is_login() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  me text;
  other text;
BEGIN
  IF ol_is_owner() THEN RETURN NULL; END IF;
  SELECT name INTO me FROM people WHERE login = session_user;
  SELECT actor INTO other FROM appended WHERE actor IS DISTINCT FROM me LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'audit events name the person signed in (%), not %', session_user, other
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS audit_events_actor_is_login ON audit_events;
-- Once per statement over the rows it appended (an import appends 100,000 events in a few statements).
CREATE TRIGGER audit_events_actor_is_login AFTER INSERT ON audit_events REFERENCING NEW TABLE AS appended
  FOR EACH STATEMENT EXECUTE FUNCTION ol_audit_actor_is_login();

CREATE OR REPLACE FUNCTION ol_guard_people_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.login IS DISTINCT FROM (CASE WHEN TG_OP = 'UPDATE' THEN OLD.login END) AND NOT ol_is_owner() THEN
    RAISE EXCEPTION 'only `ol-desk server add-user` maps a login to a person'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS people_login_guard ON people;
CREATE TRIGGER people_login_guard BEFORE INSERT OR UPDATE ON people
  FOR EACH ROW EXECUTE FUNCTION ol_guard_people_login();

CREATE OR REPLACE FUNCTION ol_guard_recommendation_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A row imported already closed is a closure the Board made before ol-desk (imports are CPIC's);
  -- every closure recorded in ol-desk is the Board's.
  IF NEW.status = 'closed' AND TG_OP = 'INSERT' AND NOT (ol_holds('ol_board') OR ol_holds('ol_cpic')) THEN
    RAISE EXCEPTION 'Only CPIC can import a recommendation that is already closed (recommendation %)', NEW.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status = 'closed' AND TG_OP = 'UPDATE' AND OLD.status <> 'closed' AND NOT ol_holds('ol_board') THEN
    RAISE EXCEPTION 'Only a Board member can record a closure (recommendation %)', NEW.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status = 'evidence_accepted' AND (TG_OP = 'INSERT' OR OLD.status = 'delivered')
     AND NOT ol_holds('ol_cpic') THEN
    RAISE EXCEPTION 'Only the CPIC learning team can accept evidence (recommendation %)', NEW.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS recommendations_status_guard ON recommendations;
CREATE TRIGGER recommendations_status_guard BEFORE INSERT OR UPDATE OF status ON recommendations
  FOR EACH ROW EXECUTE FUNCTION ol_guard_recommendation_status();

CREATE OR REPLACE FUNCTION ol_trim_search_outbox(keep_days integer) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  upto bigint;
  gone bigint;
BEGIN
  SELECT max(seq) INTO upto FROM search_outbox WHERE at < now() AT TIME ZONE 'UTC' - make_interval(days => keep_days);
  IF upto IS NULL THEN RETURN 0; END IF;
  DELETE FROM search_outbox WHERE seq <= upto;
  GET DIAGNOSTICS gone = ROW_COUNT;
  INSERT INTO meta (key, value) VALUES ('outbox_trimmed_upto', upto::text)
    ON CONFLICT (key) DO UPDATE SET value = GREATEST(meta.value::bigint, upto)::text;
  RETURN gone;
END $$;
"""


def _policy(name: str, table: str, command: str, roles: str, using: str | None, check: str | None) -> list[str]:
    sql = f"CREATE POLICY {name} ON {table} FOR {command} TO {roles}"
    if using is not None:
        sql += f" USING ({using})"
    if check is not None:
        sql += f" WITH CHECK ({check})"
    return [f"DROP POLICY IF EXISTS {name} ON {table}", sql]


def _hub_scope(table: str) -> str:
    if table == "recommendations":
        return "ol_my_rec(id)"
    if table == "actions":
        return "hub_id IS NOT NULL AND hub_id = ol_my_hub()"
    if table == "action_recommendations":
        return "ol_my_action(action_id) AND ol_my_rec(recommendation_id)"
    if table == "recommendation_themes":
        return "ol_my_rec(recommendation_id)"
    if table == "related_links":
        return "ol_my_rec(recommendation_id) OR ol_my_rec(related_id)"
    if table == "chase_items":
        return ("(entity = 'recommendation' AND ol_my_rec(entity_id)) "
                "OR (entity = 'action' AND ol_my_action(entity_id))")
    if table == "import_batches":
        return "kind = 'roundtrip' AND actor = (SELECT name FROM people WHERE login = session_user)"
    return "ol_my_rec(recommendation_id) OR ol_my_action(action_id)"  # updates, evidence, date changes


def statements() -> list[str]:
    everyone, writers = ", ".join(ALL_GROUPS), ", ".join(WRITER_GROUPS)
    out = [FUNCTIONS,
           f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {everyone}",
           "REVOKE ALL ON FUNCTION ol_trim_search_outbox(integer) FROM PUBLIC",
           f"GRANT USAGE ON SCHEMA public TO {everyone}",
           f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}",
           f"GRANT EXECUTE ON FUNCTION ol_trim_search_outbox(integer) TO {everyone}",
           f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {writers}",
           f"GRANT INSERT ON audit_events, search_outbox TO {writers}",
           f"GRANT INSERT, UPDATE, DELETE ON {', '.join(CPIC_TABLES)} TO ol_cpic",
           "GRANT INSERT, UPDATE ON people TO ol_cpic",
           "GRANT UPDATE ON recommendations TO ol_hub_officer",
           "GRANT INSERT, UPDATE, DELETE ON actions, action_recommendations, progress_updates, evidence, "
           "date_changes TO ol_hub_officer",
           "GRANT INSERT, DELETE ON recommendation_themes, related_links TO ol_hub_officer",
           "GRANT INSERT, UPDATE ON import_batches TO ol_hub_officer",
           "GRANT INSERT ON learning_entries TO ol_hub_officer, ol_gold_lead",
           "GRANT INSERT ON chases, chase_items TO ol_cpic, ol_hub_officer",
           f"GRANT UPDATE ({BOARD_COLUMNS}) ON recommendations TO ol_board"]
    for table in RLS_TABLES:
        out.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        out += _policy("ol_read", table, "SELECT", everyone, "true", None)
        out += _policy("ol_cpic_all", table, "ALL", "ol_cpic", "true", "true")
        scope = _hub_scope(table)
        if table == "recommendations":
            out += _policy("ol_hub_update", table, "UPDATE", "ol_hub_officer", scope, scope)
            out += _policy("ol_board_update", table, "UPDATE", "ol_board", "true", "true")
            continue
        out += _policy("ol_hub_insert", table, "INSERT", "ol_hub_officer", None, scope)
        out += _policy("ol_hub_update", table, "UPDATE", "ol_hub_officer", scope, scope)  # (where granted)
        if table != "import_batches":
            out += _policy("ol_hub_delete", table, "DELETE", "ol_hub_officer", scope, None)
    return out
