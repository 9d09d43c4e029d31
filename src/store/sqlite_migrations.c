/*
 * sqlite_migrations.c — see sqlite_migrations.h. Step N brings the schema from version N-1 to
 * N; sq_migrate applies the missing steps in one transaction.
 */
#include "store/sqlite_migrations.h"

#include <string.h>

const char *const MIGRATIONS[] = {
	/* 1: organisations and diagnosis snapshots */
	"CREATE TABLE organizations (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),\n"
	"  industry TEXT,\n"
	"  employees INTEGER CHECK (employees IS NULL OR employees >= 0),\n"
	"  capital INTEGER CHECK (capital IS NULL OR capital >= 0),\n"
	"  prefecture TEXT,\n"
	"  sites INTEGER CHECK (sites IS NULL OR sites >= 1),\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE diagnoses (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organization_id INTEGER REFERENCES organizations(id),\n"
	"  questionnaire TEXT NOT NULL,\n"
	"  content_version TEXT NOT NULL,\n"
	"  scope TEXT NOT NULL,\n"
	"  respondent TEXT NOT NULL DEFAULT '',\n"
	"  role TEXT CHECK (role IN ('executive', 'manager', 'staff')),\n"
	"  pool INTEGER NOT NULL DEFAULT 0 CHECK (pool IN (0, 1)),\n"
	"  total INTEGER NOT NULL, max INTEGER NOT NULL, min INTEGER NOT NULL,\n"
	"  band_id TEXT NOT NULL, band_ja TEXT NOT NULL, band_en TEXT NOT NULL,\n"
	"  created_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX diagnoses_by_org ON diagnoses(organization_id, id);\n"
	"CREATE TABLE diagnosis_answers (\n"
	"  diagnosis_id INTEGER NOT NULL REFERENCES diagnoses(id),\n"
	"  position INTEGER NOT NULL,\n"
	"  question TEXT NOT NULL, category TEXT NOT NULL, option TEXT,\n"
	"  points INTEGER NOT NULL, full INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '',\n"
	"  PRIMARY KEY (diagnosis_id, position)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE diagnosis_categories (\n"
	"  diagnosis_id INTEGER NOT NULL REFERENCES diagnoses(id),\n"
	"  position INTEGER NOT NULL,\n"
	"  category TEXT NOT NULL, title_ja TEXT NOT NULL, title_en TEXT NOT NULL,\n"
	"  total INTEGER NOT NULL, max INTEGER NOT NULL,\n"
	"  PRIMARY KEY (diagnosis_id, position)\n"
	") WITHOUT ROWID;\n",

	/* 2: rounds (site sheets of one round roll up together), and immutable snapshots */
	"ALTER TABLE diagnoses ADD COLUMN round TEXT NOT NULL DEFAULT '';\n"
	"UPDATE diagnoses SET round = substr(created_at, 1, 7);\n"
	"CREATE INDEX diagnoses_by_round ON diagnoses(organization_id, questionnaire, round);\n"
	"CREATE TRIGGER diagnoses_immutable BEFORE UPDATE ON diagnoses\n"
	"  BEGIN SELECT RAISE(ABORT, 'diagnoses are immutable snapshots'); END;\n"
	"CREATE TRIGGER diagnosis_answers_immutable BEFORE UPDATE ON diagnosis_answers\n"
	"  BEGIN SELECT RAISE(ABORT, 'diagnoses are immutable snapshots'); END;\n"
	"CREATE TRIGGER diagnosis_categories_immutable BEFORE UPDATE ON diagnosis_categories\n"
	"  BEGIN SELECT RAISE(ABORT, 'diagnoses are immutable snapshots'); END;\n",

	/* 3: drafts of questionnaires being answered in the browser, so a reload loses nothing */
	"CREATE TABLE drafts (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  questionnaire TEXT NOT NULL,\n"
	"  organization_id INTEGER REFERENCES organizations(id),\n"
	"  answers TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL\n"
	");\n",

	/* 4: the action plan — accepted recommendations with owner, due date and status */
	"CREATE TABLE plan_items (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  diagnosis_id INTEGER REFERENCES diagnoses(id),\n"
	"  questionnaire TEXT NOT NULL,\n"
	"  question TEXT NOT NULL,\n"
	"  owner TEXT NOT NULL DEFAULT '',\n"
	"  due TEXT NOT NULL DEFAULT '',\n"
	"  status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  UNIQUE (organization_id, questionnaire, question)\n"
	");\n",

	/* 5: the benchmark — versioned company profiles, the profile copied into each diagnosis,
	 * and the peer pool as monthly aggregates (origin 0 = this database, 1 = imported) with
	 * each organisation's current contribution per questionnaire */
	"CREATE TABLE org_profiles (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  version TEXT NOT NULL,\n"
	"  answers TEXT NOT NULL,\n"
	"  created_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX org_profiles_by_org ON org_profiles(organization_id, id);\n"
	"ALTER TABLE diagnoses ADD COLUMN risk_index INTEGER;\n"
	"ALTER TABLE diagnoses ADD COLUMN risk_group TEXT NOT NULL DEFAULT '';\n"
	"ALTER TABLE diagnoses ADD COLUMN size_band TEXT NOT NULL DEFAULT '';\n"
	"ALTER TABLE diagnoses ADD COLUMN industry TEXT NOT NULL DEFAULT '';\n"
	"ALTER TABLE diagnoses ADD COLUMN profile TEXT NOT NULL DEFAULT '';\n"
	"CREATE TABLE pool_members (\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  questionnaire TEXT NOT NULL,\n"
	"  diagnosis_id INTEGER NOT NULL REFERENCES diagnoses(id),\n"
	"  PRIMARY KEY (organization_id, questionnaire)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE pool_agg (\n"
	"  questionnaire TEXT NOT NULL, version TEXT NOT NULL, dim TEXT NOT NULL, value TEXT NOT NULL,\n"
	"  month TEXT NOT NULL, origin INTEGER NOT NULL CHECK (origin IN (0, 1)),\n"
	"  data BLOB NOT NULL,\n"
	"  PRIMARY KEY (questionnaire, version, dim, value, month, origin)\n"
	") WITHOUT ROWID;\n",

	/* 6: each pool member keeps what its diagnosis added to the aggregates (core/pool.h's
	 * text form), so a re-diagnosis takes out exactly that; '' in rows written before */
	"ALTER TABLE pool_members ADD COLUMN contribution TEXT NOT NULL DEFAULT '';\n",

	/* 7: accounts — workspaces (a support organisation, or one company on its own) own their
	 * records; users with a role, their sessions (stored as hashes), API tokens (hashes),
	 * consultants' assigned organisations, failed-login counters and an append-only audit log.
	 * Everything written before belongs to workspace 1. (SQLite cannot add a column with both
	 * REFERENCES and a default to a table with rows, so the new workspace columns are plain.) */
	"CREATE TABLE workspaces (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),\n"
	"  require_totp INTEGER NOT NULL DEFAULT 0 CHECK (require_totp IN (0, 1)),\n"
	"  created_at TEXT NOT NULL\n"
	");\n"
	"INSERT INTO workspaces (id, name, created_at) VALUES (1, 'mamoru', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));\n"
	"ALTER TABLE organizations ADD COLUMN workspace_id INTEGER NOT NULL DEFAULT 1;\n"
	"ALTER TABLE diagnoses ADD COLUMN workspace_id INTEGER NOT NULL DEFAULT 1;\n"
	"ALTER TABLE drafts ADD COLUMN workspace_id INTEGER NOT NULL DEFAULT 1;\n"
	"ALTER TABLE plan_items ADD COLUMN workspace_id INTEGER NOT NULL DEFAULT 1;\n"
	"ALTER TABLE org_profiles ADD COLUMN workspace_id INTEGER NOT NULL DEFAULT 1;\n"
	"CREATE INDEX organizations_by_workspace ON organizations(workspace_id, id);\n"
	"CREATE TABLE users (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  workspace_id INTEGER NOT NULL REFERENCES workspaces(id),\n"
	"  email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),\n"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),\n"
	"  role TEXT NOT NULL CHECK (role IN ('admin', 'consultant', 'member', 'viewer')),\n"
	"  organization_id INTEGER REFERENCES organizations(id),\n"
	"  password_hash TEXT NOT NULL,\n"
	"  totp_secret TEXT NOT NULL DEFAULT '',\n"
	"  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE user_orgs (\n"
	"  user_id INTEGER NOT NULL REFERENCES users(id),\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  PRIMARY KEY (user_id, organization_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE sessions (\n"
	"  id_hash TEXT PRIMARY KEY,\n"
	"  user_id INTEGER NOT NULL REFERENCES users(id),\n"
	"  csrf TEXT NOT NULL,\n"
	"  created_at INTEGER NOT NULL,\n"
	"  seen_at INTEGER NOT NULL,\n"
	"  second_factor INTEGER NOT NULL DEFAULT 0\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX sessions_by_user ON sessions(user_id);\n"
	"CREATE TABLE tokens (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  user_id INTEGER NOT NULL REFERENCES users(id),\n"
	"  hash TEXT NOT NULL UNIQUE,\n"
	"  label TEXT NOT NULL DEFAULT '',\n"
	"  created_at TEXT NOT NULL,\n"
	"  revoked_at TEXT\n"
	");\n"
	"CREATE TABLE login_failures (\n"
	"  key TEXT PRIMARY KEY,\n"
	"  count INTEGER NOT NULL,\n"
	"  first_at INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE audit (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  at TEXT NOT NULL,\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  user_id INTEGER,\n"
	"  actor TEXT NOT NULL,\n"
	"  action TEXT NOT NULL,\n"
	"  object TEXT NOT NULL,\n"
	"  detail TEXT NOT NULL DEFAULT '',\n"
	"  client TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX audit_by_workspace ON audit(workspace_id, id);\n"
	"CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit\n"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n"
	"CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit\n"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n",

	/* 8: respondent links — answering one questionnaire for one organisation, scope and role
	 * without an account; single use, expiring, stored as the hash of the link's token */
	"CREATE TABLE respondent_links (\n"
	"  hash TEXT PRIMARY KEY,\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  questionnaire TEXT NOT NULL,\n"
	"  scope TEXT NOT NULL,\n"
	"  role TEXT NOT NULL CHECK (role IN ('executive', 'manager', 'staff')),\n"
	"  created_by INTEGER,\n"
	"  created_at TEXT NOT NULL,\n"
	"  expires_at INTEGER NOT NULL,\n"
	"  diagnosis_id INTEGER REFERENCES diagnoses(id)\n"
	") WITHOUT ROWID;\n",

	/* 9: archiving — an organisation kept but out of the way ('' = active) */
	"ALTER TABLE organizations ADD COLUMN archived_at TEXT NOT NULL DEFAULT '';\n",

	/* 10: the information-asset ledger (16 columns of the guideline's Fig. 2, C/I/A 1-3, the
	 * date the retention period ends derived on write) with an index per way the ledger page
	 * sorts and filters (the importance score is max(C, I, A) or C + I + A, generated); the
	 * risk register, each risk linked to one or more assets; an organisation's own matrix of
	 * suggested treatments and inventory period */
	"CREATE TABLE assets (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  no TEXT NOT NULL DEFAULT '',\n"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),\n"
	"  medium TEXT NOT NULL DEFAULT '', location TEXT NOT NULL DEFAULT '', scope TEXT NOT NULL DEFAULT '',\n"
	"  department TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL DEFAULT '', contact TEXT NOT NULL DEFAULT '',\n"
	"  registered TEXT NOT NULL DEFAULT '', retention TEXT NOT NULL DEFAULT '', disposed TEXT NOT NULL DEFAULT '',\n"
	"  inventoried TEXT NOT NULL DEFAULT '',\n"
	"  c INTEGER NOT NULL CHECK (c BETWEEN 1 AND 3), i INTEGER NOT NULL CHECK (i BETWEEN 1 AND 3),\n"
	"  a INTEGER NOT NULL CHECK (a BETWEEN 1 AND 3),\n"
	"  note TEXT NOT NULL DEFAULT '',\n"
	"  retain_until TEXT NOT NULL DEFAULT '',\n"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,\n"
	"  no_sort INTEGER GENERATED ALWAYS AS (CAST(no AS INTEGER)) VIRTUAL,\n"
	"  cia_max INTEGER GENERATED ALWAYS AS (max(c, i, a)) VIRTUAL,\n"
	"  cia_sum INTEGER GENERATED ALWAYS AS (c + i + a) VIRTUAL\n"
	");\n"
	"CREATE INDEX assets_by_no ON assets(organization_id, no_sort, no, id);\n"
	"CREATE INDEX assets_by_name ON assets(organization_id, name, id);\n"
	"CREATE INDEX assets_by_max ON assets(organization_id, cia_max, cia_sum, id);\n"
	"CREATE INDEX assets_by_sum ON assets(organization_id, cia_sum, cia_max, id);\n"
	"CREATE INDEX assets_by_department ON assets(organization_id, department, id);\n"
	"CREATE INDEX assets_by_inventory ON assets(organization_id, inventoried, id);\n"
	"CREATE TABLE risks (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  threat TEXT NOT NULL CHECK (length(threat) BETWEEN 1 AND 600),\n"
	"  threat_ref TEXT NOT NULL DEFAULT '',\n"
	"  source TEXT NOT NULL CHECK (source IN ('external', 'internal')),\n"
	"  frequency TEXT NOT NULL CHECK (frequency IN ('monthly', 'yearly', 'rare')),\n"
	"  impact TEXT NOT NULL CHECK (impact IN ('fatal', 'stop', 'slow')),\n"
	"  treatment TEXT NOT NULL DEFAULT '' CHECK (treatment IN ('', 'reduce', 'avoid', 'transfer', 'accept')),\n"
	"  reason TEXT NOT NULL DEFAULT '',\n"
	"  measures TEXT NOT NULL DEFAULT '',\n"
	"  residual_frequency TEXT NOT NULL DEFAULT '' CHECK (residual_frequency IN ('', 'monthly', 'yearly', 'rare')),\n"
	"  residual_impact TEXT NOT NULL DEFAULT '' CHECK (residual_impact IN ('', 'fatal', 'stop', 'slow')),\n"
	"  review TEXT NOT NULL DEFAULT '',\n"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX risks_by_org ON risks(organization_id, id);\n"
	"CREATE INDEX risks_by_cell ON risks(organization_id, frequency, impact, id);\n"
	"CREATE TABLE risk_assets (\n"
	"  risk_id INTEGER NOT NULL REFERENCES risks(id),\n"
	"  asset_id INTEGER NOT NULL REFERENCES assets(id),\n"
	"  PRIMARY KEY (risk_id, asset_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX risk_assets_by_asset ON risk_assets(asset_id, risk_id);\n"
	"CREATE TABLE risk_settings (\n"
	"  organization_id INTEGER PRIMARY KEY REFERENCES organizations(id),\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  matrix TEXT NOT NULL DEFAULT '',\n"
	"  inventory_months INTEGER NOT NULL DEFAULT 0\n"
	");\n",

	/* 11: SECURITY ACTION — the 情報セキュリティ5か条 a company ticked (bits 0-4), the choices
	 * and text of its basic security policy, and whether it adopted it (one row per
	 * organisation) */
	"CREATE TABLE security_actions (\n"
	"  organization_id INTEGER PRIMARY KEY REFERENCES organizations(id),\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  rules INTEGER NOT NULL DEFAULT 0 CHECK (rules BETWEEN 0 AND 31),\n"
	"  rules_updated TEXT NOT NULL DEFAULT '',\n"
	"  scope TEXT NOT NULL DEFAULT '', officer TEXT NOT NULL DEFAULT '', representative TEXT NOT NULL DEFAULT '',\n"
	"  protects TEXT NOT NULL DEFAULT '', laws TEXT NOT NULL DEFAULT '',\n"
	"  training TEXT NOT NULL DEFAULT '', review TEXT NOT NULL DEFAULT '',\n"
	"  policy TEXT NOT NULL DEFAULT '',\n"
	"  adopted INTEGER NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1)),\n"
	"  policy_updated TEXT NOT NULL DEFAULT ''\n"
	");\n",

	/* 12: the pool's privacy and provenance (docs/benchmark-model.md). pool_sources: where
	 * aggregates came from — row 0 this database under a random install id, one row per
	 * imported source, whose id is the origin of its pool_agg rows (so pool_agg is rebuilt
	 * without the old origin IN (0, 1); rows imported before become source 1). pool_releases
	 * and pool_release_agg: the protected statistics users see and exports carry. */
	"CREATE TABLE pool_sources (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  source TEXT NOT NULL UNIQUE,\n"
	"  period_from TEXT NOT NULL DEFAULT '', period_to TEXT NOT NULL DEFAULT '',\n"
	"  release INTEGER NOT NULL DEFAULT 0,\n"
	"  contains TEXT NOT NULL DEFAULT '',\n"
	"  aggregates INTEGER NOT NULL DEFAULT 0,\n"
	"  imported_at TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"INSERT INTO pool_sources (id, source) VALUES (0, lower(hex(randomblob(16))));\n"
	"INSERT INTO pool_sources (id, source, period_from, period_to, aggregates, imported_at)\n"
	"  SELECT 1, '00000000000000000000000000000000', min(month), max(month), count(*), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')\n"
	"  FROM pool_agg WHERE origin = 1 HAVING count(*) > 0;\n"
	"CREATE TABLE pool_agg_new (\n"
	"  questionnaire TEXT NOT NULL, version TEXT NOT NULL, dim TEXT NOT NULL, value TEXT NOT NULL,\n"
	"  month TEXT NOT NULL, origin INTEGER NOT NULL CHECK (origin >= 0),\n"
	"  data BLOB NOT NULL,\n"
	"  PRIMARY KEY (questionnaire, version, dim, value, month, origin)\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO pool_agg_new SELECT questionnaire, version, dim, value, month, origin, data FROM pool_agg;\n"
	"DROP TABLE pool_agg;\n"
	"ALTER TABLE pool_agg_new RENAME TO pool_agg;\n"
	"CREATE TABLE pool_releases (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  month TEXT NOT NULL,\n"
	"  created_at TEXT NOT NULL,\n"
	"  rho REAL NOT NULL,\n"
	"  min_group INTEGER NOT NULL CHECK (min_group >= 5),\n"
	"  made_by TEXT NOT NULL CHECK (made_by IN ('auto', 'admin'))\n"
	");\n"
	"CREATE INDEX pool_releases_by_month ON pool_releases(month, id);\n"
	"CREATE TABLE pool_release_agg (\n"
	"  release_id INTEGER NOT NULL REFERENCES pool_releases(id),\n"
	"  questionnaire TEXT NOT NULL, version TEXT NOT NULL, dim TEXT NOT NULL, value TEXT NOT NULL,\n"
	"  data BLOB NOT NULL,\n"
	"  PRIMARY KEY (release_id, questionnaire, version, dim, value)\n"
	") WITHOUT ROWID;\n",
	/* 13: the ledger and the register at 100,000 rows. Every index of assets and risks leads
	 * with (organization_id, workspace_id), so a filter is tested in the index; risks get their
	 * matrix cell as a generated column (worst first) to sort by. asset_counts and risk_counts
	 * hold how many rows each organisation has per importance score and per cell and treatment,
	 * kept by triggers in the same statement as the change, so the ledger's count and the heat
	 * maps cost a few rows instead of a scan (derived data: rebuilt from the rows, never copied) */
	"DROP INDEX assets_by_no;\n"
	"DROP INDEX assets_by_name;\n"
	"DROP INDEX assets_by_max;\n"
	"DROP INDEX assets_by_sum;\n"
	"DROP INDEX assets_by_department;\n"
	"DROP INDEX assets_by_inventory;\n"
	"CREATE INDEX assets_by_no_ws ON assets(organization_id, workspace_id, no_sort, no, id);\n"
	"CREATE INDEX assets_by_name_ws ON assets(organization_id, workspace_id, name, id);\n"
	"CREATE INDEX assets_by_max_ws ON assets(organization_id, workspace_id, cia_max, cia_sum, id);\n"
	"CREATE INDEX assets_by_sum_ws ON assets(organization_id, workspace_id, cia_sum, cia_max, id);\n"
	"CREATE INDEX assets_by_department_ws ON assets(organization_id, workspace_id, department, id);\n"
	"CREATE INDEX assets_by_inventory_ws ON assets(organization_id, workspace_id, inventoried, id);\n"
	"DROP INDEX risks_by_org;\n"
	"DROP INDEX risks_by_cell;\n"
	"ALTER TABLE risks ADD COLUMN cell INTEGER GENERATED ALWAYS AS\n"
	"  (instr('monthly yearly  rare', frequency) * 100 + instr('fatal stop slow', impact)) VIRTUAL;\n"
	"CREATE INDEX risks_by_id_ws ON risks(organization_id, workspace_id, id);\n"
	"CREATE INDEX risks_by_cell_ws ON risks(organization_id, workspace_id, cell, id);\n"
	"CREATE INDEX risks_by_treatment_ws ON risks(organization_id, workspace_id, treatment, id);\n"
	"CREATE INDEX risks_by_review_ws ON risks(organization_id, workspace_id, review, id);\n"
	"CREATE TABLE asset_counts (\n"
	"  organization_id INTEGER NOT NULL, workspace_id INTEGER NOT NULL,\n"
	"  cia_max INTEGER NOT NULL, cia_sum INTEGER NOT NULL, disposed INTEGER NOT NULL,\n"
	"  n INTEGER NOT NULL,\n"
	"  PRIMARY KEY (organization_id, workspace_id, cia_max, cia_sum, disposed)\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO asset_counts SELECT organization_id, workspace_id, cia_max, cia_sum, disposed <> '', count(*) FROM assets\n"
	"  GROUP BY organization_id, workspace_id, cia_max, cia_sum, disposed <> '';\n"
	"CREATE TRIGGER assets_counted AFTER INSERT ON assets BEGIN\n"
	"  INSERT INTO asset_counts VALUES (new.organization_id, new.workspace_id, new.cia_max, new.cia_sum, new.disposed <> '', 1)\n"
	"    ON CONFLICT (organization_id, workspace_id, cia_max, cia_sum, disposed) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER assets_uncounted AFTER DELETE ON assets BEGIN\n"
	"  UPDATE asset_counts SET n = n - 1 WHERE organization_id = old.organization_id AND workspace_id = old.workspace_id\n"
	"    AND cia_max = old.cia_max AND cia_sum = old.cia_sum AND disposed = (old.disposed <> '');\n"
	"END;\n"
	"CREATE TRIGGER assets_recounted AFTER UPDATE OF organization_id, workspace_id, c, i, a, disposed ON assets BEGIN\n"
	"  UPDATE asset_counts SET n = n - 1 WHERE organization_id = old.organization_id AND workspace_id = old.workspace_id\n"
	"    AND cia_max = old.cia_max AND cia_sum = old.cia_sum AND disposed = (old.disposed <> '');\n"
	"  INSERT INTO asset_counts VALUES (new.organization_id, new.workspace_id, new.cia_max, new.cia_sum, new.disposed <> '', 1)\n"
	"    ON CONFLICT (organization_id, workspace_id, cia_max, cia_sum, disposed) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TABLE risk_counts (\n"
	"  organization_id INTEGER NOT NULL, workspace_id INTEGER NOT NULL,\n"
	"  frequency TEXT NOT NULL, impact TEXT NOT NULL, residual_frequency TEXT NOT NULL, residual_impact TEXT NOT NULL,\n"
	"  treatment TEXT NOT NULL,\n"
	"  n INTEGER NOT NULL,\n"
	"  PRIMARY KEY (organization_id, workspace_id, frequency, impact, residual_frequency, residual_impact, treatment)\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO risk_counts SELECT organization_id, workspace_id, frequency, impact, residual_frequency, residual_impact, treatment,\n"
	"  count(*) FROM risks GROUP BY organization_id, workspace_id, frequency, impact, residual_frequency, residual_impact, treatment;\n"
	"CREATE TRIGGER risks_counted AFTER INSERT ON risks BEGIN\n"
	"  INSERT INTO risk_counts VALUES (new.organization_id, new.workspace_id, new.frequency, new.impact, new.residual_frequency,\n"
	"    new.residual_impact, new.treatment, 1)\n"
	"    ON CONFLICT (organization_id, workspace_id, frequency, impact, residual_frequency, residual_impact, treatment) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER risks_uncounted AFTER DELETE ON risks BEGIN\n"
	"  UPDATE risk_counts SET n = n - 1 WHERE organization_id = old.organization_id AND workspace_id = old.workspace_id\n"
	"    AND frequency = old.frequency AND impact = old.impact AND residual_frequency = old.residual_frequency\n"
	"    AND residual_impact = old.residual_impact AND treatment = old.treatment;\n"
	"END;\n"
	"CREATE TRIGGER risks_recounted AFTER UPDATE OF organization_id, workspace_id, frequency, impact, residual_frequency,\n"
	"  residual_impact, treatment ON risks BEGIN\n"
	"  UPDATE risk_counts SET n = n - 1 WHERE organization_id = old.organization_id AND workspace_id = old.workspace_id\n"
	"    AND frequency = old.frequency AND impact = old.impact AND residual_frequency = old.residual_frequency\n"
	"    AND residual_impact = old.residual_impact AND treatment = old.treatment;\n"
	"  INSERT INTO risk_counts VALUES (new.organization_id, new.workspace_id, new.frequency, new.impact, new.residual_frequency,\n"
	"    new.residual_impact, new.treatment, 1)\n"
	"    ON CONFLICT (organization_id, workspace_id, frequency, impact, residual_frequency, residual_impact, treatment) DO UPDATE SET n = n + 1;\n"
	"END;\n",

	/* 14: contractors (委託先) with their contract and review dates, the items of the contractor
	 * requirements sent to them through a respondent link (link_hash: the answers are the
	 * link's diagnosis) with the reviewer's verdict, and the cloud services in use with their
	 * last check (a diagnosis of questionnaire `cloud`, no foreign key: deleting that diagnosis
	 * leaves the service unchecked, and the app checks the id still names it) */
	"CREATE TABLE contractors (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  name TEXT NOT NULL,\n"
	"  contact TEXT NOT NULL DEFAULT '', handles TEXT NOT NULL DEFAULT '',\n"
	"  contract_start TEXT NOT NULL DEFAULT '', contract_end TEXT NOT NULL DEFAULT '', review_due TEXT NOT NULL DEFAULT '',\n"
	"  note TEXT NOT NULL DEFAULT '',\n"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX contractors_by_org ON contractors(organization_id, workspace_id, id);\n"
	"CREATE TABLE contractor_requests (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  contractor_id INTEGER NOT NULL REFERENCES contractors(id),\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  items TEXT NOT NULL,\n"
	"  link_hash TEXT NOT NULL,\n"
	"  created_at TEXT NOT NULL,\n"
	"  reviewed_by TEXT NOT NULL DEFAULT '', reviewed_at TEXT NOT NULL DEFAULT '', review_note TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX contractor_requests_by_contractor ON contractor_requests(contractor_id, workspace_id, id);\n"
	"CREATE INDEX contractor_requests_by_link ON contractor_requests(link_hash);\n"
	"CREATE TABLE cloud_services (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  name TEXT NOT NULL,\n"
	"  provider TEXT NOT NULL DEFAULT '', purpose TEXT NOT NULL DEFAULT '', review_due TEXT NOT NULL DEFAULT '',\n"
	"  diagnosis_id INTEGER,\n"
	"  checked_at TEXT NOT NULL DEFAULT '',\n"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX cloud_services_by_org ON cloud_services(organization_id, workspace_id, id);\n",
	/* 15: incident response (docs/incidents.md): incidents with their type, damage level, the
	 * wizard's answers, affected assets, narrative and intake sheet, cause and measures; each
	 * incident's runbook steps (a content step by key, or the company's own) with who ticked
	 * them and when; its timeline; the emergency manual (other contacts, review date) and its
	 * role holders; the IT-BCP checklist; and a plan item's own words (measures from an
	 * incident's closing are not questions of a questionnaire) */
	"CREATE TABLE incidents (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  type TEXT NOT NULL CHECK (type IN ('leak', 'tamper', 'malware', 'other')),\n"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),\n"
	"  scopes TEXT NOT NULL DEFAULT '',\n"
	"  title TEXT NOT NULL CHECK (length(title) >= 1),\n"
	"  detected TEXT NOT NULL DEFAULT '', reporter TEXT NOT NULL DEFAULT '', assets TEXT NOT NULL DEFAULT '',\n"
	"  description TEXT NOT NULL DEFAULT '', intake TEXT NOT NULL DEFAULT '',\n"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),\n"
	"  cause TEXT NOT NULL DEFAULT '', measures TEXT NOT NULL DEFAULT '', closed_at TEXT NOT NULL DEFAULT '',\n"
	"  created_by TEXT NOT NULL DEFAULT '',\n"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX incidents_by_org ON incidents(organization_id, workspace_id, id);\n"
	"CREATE TABLE incident_steps (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  incident_id INTEGER NOT NULL REFERENCES incidents(id),\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  position INTEGER NOT NULL,\n"
	"  step_key TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL DEFAULT '', step_text TEXT NOT NULL DEFAULT '',\n"
	"  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),\n"
	"  done_by TEXT NOT NULL DEFAULT '', done_at TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',\n"
	"  updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX incident_steps_of ON incident_steps(incident_id, position);\n"
	"CREATE TABLE incident_events (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  incident_id INTEGER NOT NULL REFERENCES incidents(id),\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  happened TEXT NOT NULL DEFAULT '',\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('note', 'opened', 'level', 'step', 'closed')),\n"
	"  entry TEXT NOT NULL DEFAULT '', by_name TEXT NOT NULL DEFAULT '',\n"
	"  created_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX incident_events_of ON incident_events(incident_id, happened, id);\n"
	"CREATE TABLE emergency_manuals (\n"
	"  organization_id INTEGER PRIMARY KEY REFERENCES organizations(id),\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  contacts TEXT NOT NULL DEFAULT '', reviewed TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE TABLE emergency_roles (\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  role TEXT NOT NULL,\n"
	"  name TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '', mail TEXT NOT NULL DEFAULT '',\n"
	"  PRIMARY KEY (organization_id, role)\n"
	");\n"
	"CREATE TABLE bcp_steps (\n"
	"  organization_id INTEGER NOT NULL REFERENCES organizations(id),\n"
	"  workspace_id INTEGER NOT NULL,\n"
	"  step TEXT NOT NULL,\n"
	"  owner TEXT NOT NULL DEFAULT '',\n"
	"  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),\n"
	"  done_on TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',\n"
	"  updated_at TEXT NOT NULL,\n"
	"  PRIMARY KEY (organization_id, step)\n"
	");\n"
	"ALTER TABLE plan_items ADD COLUMN title TEXT NOT NULL DEFAULT '';\n",
	/* issue 17: a note per plan item, in the company's own words */
	"ALTER TABLE plan_items ADD COLUMN note TEXT NOT NULL DEFAULT '';\n",
	/* issue 19: the client list's pages by name read from an index (store_org_page) */
	"CREATE INDEX organizations_by_name ON organizations(workspace_id, archived_at, name);\n",
	/* issue 19: an organisation's latest diagnoses (of one questionnaire, or of any) by date
	 * from an index, however long its history (the organisation page, the client list) */
	("CREATE INDEX diagnoses_by_date ON diagnoses(organization_id, created_at);\n"
	 "CREATE INDEX diagnoses_by_questionnaire_date ON diagnoses(organization_id, questionnaire, created_at);\n"),
	/* issue 19: each category's titles stored once (category_titles) instead of on every
	 * diagnosis's category rows, where they were 44 % of the database; a category row names its
	 * titles by id. Every distinct (category, title_ja, title_en) already stored gets a row, so
	 * each old snapshot reads back the words it was saved with (they differ between content
	 * versions). Title rows cannot change either, and stay when the diagnoses using them are
	 * deleted: they hold the content's words, no company's data. The old table is renamed
	 * first so that the new one is created under its own name (its trigger goes with it). */
	"CREATE TABLE category_titles (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  category TEXT NOT NULL, title_ja TEXT NOT NULL, title_en TEXT NOT NULL,\n"
	"  UNIQUE (category, title_ja, title_en)\n"
	");\n"
	"INSERT INTO category_titles (category, title_ja, title_en)\n"
	"  SELECT DISTINCT category, title_ja, title_en FROM diagnosis_categories ORDER BY category, title_ja, title_en;\n"
	"ALTER TABLE diagnosis_categories RENAME TO diagnosis_categories_old;\n"
	"CREATE TABLE diagnosis_categories (\n"
	"  diagnosis_id INTEGER NOT NULL REFERENCES diagnoses(id),\n"
	"  position INTEGER NOT NULL,\n"
	"  title_id INTEGER NOT NULL REFERENCES category_titles(id),\n"
	"  total INTEGER NOT NULL, max INTEGER NOT NULL,\n"
	"  PRIMARY KEY (diagnosis_id, position)\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO diagnosis_categories (diagnosis_id, position, title_id, total, max)\n"
	"  SELECT c.diagnosis_id, c.position, t.id, c.total, c.max FROM diagnosis_categories_old c\n"
	"  JOIN category_titles t ON t.category = c.category AND t.title_ja = c.title_ja AND t.title_en = c.title_en;\n"
	"DROP TABLE diagnosis_categories_old;\n"
	"CREATE TRIGGER diagnosis_categories_immutable BEFORE UPDATE ON diagnosis_categories\n"
	"  BEGIN SELECT RAISE(ABORT, 'diagnoses are immutable snapshots'); END;\n"
	"CREATE TRIGGER category_titles_immutable BEFORE UPDATE ON category_titles\n"
	"  BEGIN SELECT RAISE(ABORT, 'diagnoses are immutable snapshots'); END;\n",
	/* issue 19: the organisation page shows the plan a page at a time, oldest first; without
	 * this index every page sorted all of the organisation's items */
	"CREATE INDEX plan_items_by_org ON plan_items(organization_id, workspace_id, id);\n",
	/* issue 19: each organisation's latest result (newest created_at, then id; any questionnaire)
	 * kept on its row, so that the client list sorted by score, change or date is paged by the
	 * database like the list by name (store_org_page), from an index per order and direction.
	 * latest_score is the total's share of its questionnaire's range times 2^40, truncated:
	 * equal shares give equal keys and different ones different keys for ranges up to 2^20,
	 * as client_cmp's cross-multiplication compares them; latest_trend is the total minus the
	 * previous diagnosis of the same questionnaire (the newest of those with a smaller id, as
	 * store_diag_recent_summaries reads it). NULL without a diagnosis (or a previous one).
	 * The diagnosis writes keep them (sqlite_diag.c); here they are computed for the rows there. */
	("ALTER TABLE organizations ADD COLUMN latest_at TEXT;\n"
	 "ALTER TABLE organizations ADD COLUMN latest_score INTEGER;\n"
	 "ALTER TABLE organizations ADD COLUMN latest_total INTEGER;\n"
	 "ALTER TABLE organizations ADD COLUMN latest_band TEXT;\n"
	 "ALTER TABLE organizations ADD COLUMN latest_trend INTEGER;\n"
	 "UPDATE organizations SET (latest_at, latest_score, latest_total, latest_band, latest_trend) = (\n"
	 "  SELECT l.created_at, (l.total - l.min) * 1099511627776 / CASE WHEN l.max > l.min THEN l.max - l.min ELSE 1 END,\n"
	 "    l.total, l.band_id, l.total - (SELECT p.total FROM diagnoses p WHERE p.organization_id = l.organization_id\n"
	 "      AND p.questionnaire = l.questionnaire AND p.id < l.id ORDER BY p.created_at DESC, p.id DESC LIMIT 1)\n"
	 "  FROM diagnoses l WHERE l.organization_id = organizations.id ORDER BY l.created_at DESC, l.id DESC LIMIT 1);\n"
	 "CREATE INDEX organizations_by_score ON organizations(workspace_id, archived_at, (latest_score IS NULL), latest_score,\n"
	 "  latest_total, name, id);\n"
	 "CREATE INDEX organizations_by_score_desc ON organizations(workspace_id, archived_at, (latest_score IS NULL),\n"
	 "  latest_score DESC, latest_total DESC, name, id);\n"
	 "CREATE INDEX organizations_by_trend ON organizations(workspace_id, archived_at, (latest_trend IS NULL), latest_trend,\n"
	 "  name, id);\n"
	 "CREATE INDEX organizations_by_trend_desc ON organizations(workspace_id, archived_at, (latest_trend IS NULL),\n"
	 "  latest_trend DESC, name, id);\n"
	 "CREATE INDEX organizations_by_date ON organizations(workspace_id, archived_at, (latest_at IS NULL), latest_at, name, id);\n"
	 "CREATE INDEX organizations_by_date_desc ON organizations(workspace_id, archived_at, (latest_at IS NULL), latest_at DESC,\n"
	 "  name, id);\n"),
	/* issue 19: the client list's counts (all, and active or archived) without counting every
	 * organisation of the workspace on each page: kept by triggers, as asset_counts is (step
	 * 13). Derived: `mamoru copy` leaves it to the triggers of the database it writes. */
	"CREATE TABLE org_counts (\n"
	"  workspace_id INTEGER NOT NULL, archived INTEGER NOT NULL, n INTEGER NOT NULL,\n"
	"  PRIMARY KEY (workspace_id, archived)\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO org_counts SELECT workspace_id, archived_at > '', count(*) FROM organizations GROUP BY workspace_id, archived_at > '';\n"
	"CREATE TRIGGER organizations_counted AFTER INSERT ON organizations BEGIN\n"
	"  INSERT INTO org_counts VALUES (new.workspace_id, new.archived_at > '', 1)\n"
	"    ON CONFLICT (workspace_id, archived) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER organizations_uncounted AFTER DELETE ON organizations BEGIN\n"
	"  UPDATE org_counts SET n = n - 1 WHERE workspace_id = old.workspace_id AND archived = (old.archived_at > '');\n"
	"END;\n"
	"CREATE TRIGGER organizations_recounted AFTER UPDATE OF workspace_id, archived_at ON organizations BEGIN\n"
	"  UPDATE org_counts SET n = n - 1 WHERE workspace_id = old.workspace_id AND archived = (old.archived_at > '');\n"
	"  INSERT INTO org_counts VALUES (new.workspace_id, new.archived_at > '', 1)\n"
	"    ON CONFLICT (workspace_id, archived) DO UPDATE SET n = n + 1;\n"
	"END;\n",

};

const int MIGRATION_COUNT = sizeof MIGRATIONS / sizeof MIGRATIONS[0];

/* ---- applying them ---- */

int sq_read_version(sqlite3 *db, int *version)
{
	sqlite3_stmt *st;
	*version = 0;
	int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	bool has = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc;
	if (!has)
		return SQLITE_OK;
	rc = sqlite3_prepare_v2(db, "SELECT coalesce(max(version), 0) FROM schema_version", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

store_rc_t sq_check_not_newer(sq_t *q, int *version)
{
	if (sq_read_version(q->db, version) != SQLITE_OK)
		return sq_fail(q, STORE_ERROR, "schema_version");
	if (*version > MIGRATION_COUNT)
		return sq_failf(q, STORE_ERROR,
				"データベースの版 (%d) がこのプログラム (%d) より新しいため開けません。新しい mamoru を使ってください",
				"the database schema (version %d) is newer than this program (version %d); use a newer mamoru",
				*version, MIGRATION_COUNT);
	return STORE_OK;
}

store_rc_t sq_migrate(sq_t *q)
{
	int version;
	if (sq_check_not_newer(q, &version) != STORE_OK)
		return STORE_ERROR;
	if (version == MIGRATION_COUNT)
		return STORE_OK;
	if (q->readonly)
		return sq_failf(q, STORE_ERROR, "読み取り専用のデータベース（版 %d）はこのプログラム（版 %d）用に更新できません",
				"the read-only database (schema version %d) cannot be brought up to this program's version %d",
				version, MIGRATION_COUNT);
	if (sq_begin(&q->base) != STORE_OK)
		return STORE_ERROR;
	/* re-read inside the write lock: another process may have migrated meanwhile */
	if (sq_read_version(q->db, &version) != SQLITE_OK ||
	    sq_exec(q, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)") != SQLITE_OK) {
		sq_rollback(&q->base);
		return STORE_ERROR;
	}
	for (int v = version; v < MIGRATION_COUNT; v++) {
		if (sq_exec(q, MIGRATIONS[v]) != SQLITE_OK) {
			char why[ERR_TEXT_LEN];
			memcpy(why, q->base.err.en, sizeof why);
			sq_rollback(&q->base);
			return sq_failf(q, STORE_ERROR, "移行 %d に失敗しました: %.400s", "migration %d failed: %.400s", v + 1, why);
		}
		static const char SQL[] = "INSERT INTO schema_version VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(q->db, SQL, -1, &st, NULL) != SQLITE_OK) {
			sq_fail(q, STORE_ERROR, "schema_version");
			sq_rollback(&q->base);
			return STORE_ERROR;
		}
		sqlite3_bind_int(st, 1, v + 1);
		store_rc_t rc = sq_step_done(q, st);
		sqlite3_finalize(st);
		if (rc != STORE_OK) {
			sq_rollback(&q->base);
			return rc;
		}
	}
	return sq_commit(&q->base);
}
