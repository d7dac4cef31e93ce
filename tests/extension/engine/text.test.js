// Text as the engine compares it: case, accents, curly apostrophes, dashes and spaces do not matter; words do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from '../../../extension/src/engine/text.js';

describe('normalize', () => {
  it('should fold case, accents, curly apostrophes, dashes and non-breaking spaces', () => {
    assert.equal(normalize('  Vous OPPOSER à l’utilisation\u00a0de l‘IA —\tMeta '), "vous opposer a l'utilisation de l'ia - meta");
    assert.equal(normalize('Bezieht sich deine Anfrage auf KI bei Meta?'), 'bezieht sich deine anfrage auf ki bei meta?');
    assert.equal(normalize('Ciò significa'), 'cio significa');
  });

  it('should keep letters that are not accented forms (ß, ł)', () => {
    assert.equal(normalize('Schließen Wyślij'), 'schließen wyslij');
    assert.equal(normalize('Zgłoszenie'), 'zgłoszenie');
  });
});
