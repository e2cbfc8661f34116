#!/usr/bin/env bash
# gen_models.sh N: prints a model file of N tables, each with 12 columns
# of mixed types, a foreign key to the previous table and two indexes
# (one unique), for the introspection and create-all benchmarks.
set -euo pipefail
n=${1:?usage: gen_models.sh N}
awk -v n="$n" 'BEGIN {
	print "tables:"
	for (i = 1; i <= n; i++) {
		printf "  t%05d:\n    columns:\n", i
		print "      id: {type: integer, primary_key: true}"
		if (i > 1)
			printf "      parent_id: {type: integer, references: t%05d.id}\n", i - 1
		else
			print "      parent_id: {type: integer}"
		print "      code: {type: string(32), nullable: false}"
		print "      name: {type: string(200)}"
		print "      body: {type: text}"
		print "      qty: {type: integer, nullable: false, default: 0}"
		print "      price: {type: numeric(12,2)}"
		print "      ratio: {type: double}"
		print "      active: {type: boolean, nullable: false, default: true}"
		print "      created: {type: datetime, nullable: false, default: {sql: now}}"
		print "      day: {type: date}"
		print "      ref: {type: bigint}"
		print "    indexes:"
		print "      - {columns: [code], unique: true}"
		print "      - {columns: [parent_id, qty]}"
	}
}'
