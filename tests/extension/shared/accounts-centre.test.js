// Which answers say they cover the Accounts Centre, in the languages the rules name it in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mentionsAccountsCentre } from "../../../extension/src/shared/accounts-centre.js";

test("Meta's answers naming the Accounts Centre are recognised in en, fr, nl and de, whatever the case and accents", () => {
  assert.ok(
    mentionsAccountsCentre(
      "We will also honour your objection for any other accounts that you've added to the same Accounts Centre as this account.",
    ),
  );
  assert.ok(mentionsAccountsCentre("…ajoutés au même espace comptes que ce compte."));
  assert.ok(mentionsAccountsCentre("…toegevoegd aan hetzelfde Accountcenter als dit account."));
  assert.ok(mentionsAccountsCentre("…in derselben Kontenubersicht wie dieses Konto."));
  assert.ok(!mentionsAccountsCentre("We've reviewed your request and will honor your objection."));
});
