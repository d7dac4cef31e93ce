// Text as the engine compares it: case, accents, curly apostrophes, dashes and spaces do not matter; words do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize, phraseMatcher } from '../../../extension/src/engine/text.js';

const match = (phrases, text) => phraseMatcher(phrases.map((phrase) => ({ phrase, language: 'xx' }))).find(normalize(text));

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

describe('phraseMatcher', () => {
  it('should match whole words only', () => {
    assert.equal(match(['land'], 'Deutschland'), null);
    assert.equal(match(['land'], 'Land des Wohnsitzes')?.phrase, 'land');
    assert.equal(match(['name'], 'Username'), null);
  });

  it('should prefer the longest phrase that starts at the same place', () => {
    assert.equal(match(['e-mail', 'e-mail-adresse'], 'Deine E-Mail-Adresse')?.phrase, 'e-mail-adresse');
  });

  it('should match phrases written with other apostrophes or accents on the page', () => {
    assert.equal(match(["l'ia chez meta"], 'pour l’IA chez Meta')?.phrase, "l'ia chez meta");
    assert.equal(match(['país'], 'Pais de residencia')?.phrase, 'país');
  });

  it('should treat regular-expression characters in phrases as text', () => {
    assert.equal(match(['(optional)'], 'impact (optional)')?.phrase, '(optional)');
    assert.equal(match(['a.b'], 'axb'), null);
  });

  it('should find nothing with no phrases', () => {
    assert.equal(match([], 'anything'), null);
  });
});
