import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../shared/privacy/detect';
import { isUkPhoneDigits, isValidNinoPrefix, isValidPostcode, nhsCheckDigitOk } from '../../../shared/privacy/validators';

const spans = (text: string, opts?: Parameters<typeof detectPii>[1]): string[] =>
  detectPii(text, opts).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);

describe('detectPii: identifiers', () => {
  it.each([
    ['Ring 07700 900123 please', 'phone:07700 900123'],
    ['Ring +44 7700 900 456 please', 'phone:+44 7700 900 456'],
    ['Ring (0113) 496 0732 please', 'phone:(0113) 496 0732'],
    ['Ring 020 7946 0018 please', 'phone:020 7946 0018'],
    ['mail a.b-c@example.co.uk now', 'email:a.b-c@example.co.uk'],
    ['see https://example.org/x?y=1.', 'url:https://example.org/x?y=1'],
    ['see www.example.org.', 'url:www.example.org'],
    ['see facebook.com/some.one today', 'url:facebook.com/some.one'],
    ['follow @some_one_99 there', 'handle:@some_one_99'],
    ['live in LS6 2AB now', 'postcode:LS6 2AB'],
    ['GIR 0AA is odd', 'postcode:GIR 0AA'],
    ['NI AB 12 34 56 C ok', 'nino:AB 12 34 56 C'],
    ['NHS no 401 234 5672 ok', 'nhs:401 234 5672'],
    ['born on 14/07/1986 in Leeds', 'dob:14/07/1986'],
    ['the car AB12 CDE sped off', 'vehicle:AB12 CDE'],
    ['crime ref CR/12345/24 closed', 'reference:CR/12345/24'],
    ['log number 4567 lost', 'reference:4567'],
    ['lives at 14 Acacia Avenue now', 'address:14 Acacia Avenue'],
    ['PC Sarah Jones rang', 'person:Sarah Jones'],
    ['my ex Darren came', 'person:Darren'],
    ['my ex dave came round', 'person:dave'],
  ])('%s', (text, want) => {
    expect(spans(text)).toEqual([want]);
  });

  it('keeps the title out of the name and ignores a title on its own', () => {
    expect(spans('DC Amir Khan and the PC said')).toEqual(['person:Amir Khan']);
  });

  it('finds a date of birth by context but not an incident date', () => {
    expect(spans('It happened on 14/02/2024 at night')).toEqual([]);
    expect(spans('DOB 14/02/1990')).toEqual(['dob:14/02/1990']);
  });

  it('flags an NI-shaped number with a never-issued prefix (the specimen QQ 12 34 56 C) at lower confidence', () => {
    const [f] = detectPii('My NI number is QQ 12 34 56 C.');
    expect(f).toMatchObject({ type: 'nino', start: 16, end: 29 });
    expect(f!.confidence).toBeLessThan(0.95);
    expect(detectPii('NI: AB123456C')[0]!.confidence).toBe(0.95);
  });

  it('uses the NHS check digit: a bad one with no context is not an NHS number', () => {
    expect(spans('number 401 234 5673 here')).toEqual([]);
    expect(spans('NHS number 401 234 5673')).toEqual(['nhs:401 234 5673']);
  });
});

describe('detectPii: traps', () => {
  it.each([
    'I rang 101 at 10:30pm and 999 at 3pm.',
    'It took 3 weeks and then 24 hours more.',
    'In 2023 the Victims\u2019 Code changed.',
    'I lost \u00a3250, about 50% of my savings.',
    'Section 47 applies, said the PC.',
    'Mark it as urgent, the Police said, will you?',
    'May was awful; in June it was better.',
    'The A1 and the M25 were closed.',
    'I gave it 7/10 overall. Victim Support were fine.',
    'COVID-19 made everything slower.',
  ])('%s', (text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe('detectPii: names and identifiers outside the lists and the usual shapes', () => {
  it.each([
    ['Referral for Siobhán Ó Briain today', ['person:Siobhán Ó Briain']],
    ['Name: Zdzisław Wójcik', ['person:Zdzisław Wójcik']],
    ['Officer name: Aled Pryce. Rating 5/5', ['person:Aled Pryce']],
    ['Kind regards,\nGráinne Ní Mhaoldomhnaigh', ['person:Gráinne Ní Mhaoldomhnaigh']],
    ['I rang Bogumila at the hub.', ['person:Bogumila']],
    ['P3: Chidinma said she would call back.', ['person:Chidinma']],
    ['My children Tendai, Kudzai and Rufaro were there.', ['person:Tendai', 'person:Kudzai', 'person:Rufaro']],
    ['my kids tom and amelia saw it', ['person:tom', 'person:amelia']],
    ['my daughter ruby was crying', ['person:ruby']],
    ['he lives on pinfold lane with his mum', ['address:pinfold lane']],
    ['I complained about PC 1234 to Standards', ['reference:1234']],
    ['PC Dafydd Rhys (collar no. 4521) came', ['person:Dafydd Rhys', 'reference:4521']],
    ['his reg is yx61 bvt, white van', ['vehicle:yx61 bvt']],
  ])('%s', (text, want) => {
    expect(spans(text)).toEqual(want);
  });

  it.each([
    'No one told me about Sarah\u2019s Law or Clare\u2019s Law.',
    'I rang Barclays and contacted Healthwatch; Vodafone said no.',
    'I rang Kirklees Council twice.',
    'Paramedics came quickly. Neighbours said nothing. Interviewer asked again.',
    'My son will be 12 and my daughter may move schools.',
    'we live on the main road, the high street is busy and he lives near our road',
    'It was yx61 bvt or something, a code on the letter.',
    'PC 20 minutes later came back.',
    'Hung up on me twice.',
  ])('trap: %s', (text) => {
    expect(spans(text)).toEqual([]);
  });

  it('never reads a lower-case plate shape as a vehicle without a vehicle word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{2}[0-9]{2} ?[a-z]{3}$/), (plate) => {
        expect(detectPii(`the code ${plate} was on the letter`).filter((f) => f.type === 'vehicle')).toEqual([]);
        expect(detectPii(`his car reg is ${plate}`).filter((f) => f.type === 'vehicle').length).toBe(1);
      }),
    );
  });
});

describe('detectPii: options', () => {
  it('drops allow-listed terms, whatever their case and spacing', () => {
    const text = 'Thanks to Sarah Jones and PC Patel.';
    expect(spans(text, { allowList: ['sarah   JONES'] })).toEqual(['person:Patel']);
  });
  it('reports only the requested types', () => {
    expect(spans('Sarah on 07700 900123', { types: ['phone'] })).toEqual(['phone:07700 900123']);
  });
});

describe('detectPii: invariants', () => {
  const piiish = fc.constantFrom(
    'Sarah Jones ', 'PC ', '07700 900123 ', 'LS6 2AB ', 'a@b.com ', '@x_y ', '14 Elm Road ', 'DOB 01/02/1990 ',
    'ref 1234 ', 'AB12 CDE ', '101 ', '£250 ', '\u00e9 ', '\ud83d\ude00 ', 'the ', 'my ex ', '. ', '\n',
  );
  it('returns sorted, non-overlapping findings inside the text, confidence in 0..1', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piiish, fc.string()), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const found = detectPii(text);
        let prev = 0;
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(prev);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.confidence).toBeGreaterThan(0);
          expect(f.confidence).toBeLessThanOrEqual(1);
          prev = f.end;
        }
      }),
      { numRuns: 300 },
    );
  });
  it('finds the same thing wherever a phrase sits (offsets shift with the prefix)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,20}$/), (prefix) => {
        const p = prefix.trimEnd() + ' ';
        const found = detectPii(p + 'call 07700 900123.');
        // (the prefix may hold something of its own: "mr aaa" is a title and a name; only what reaches the phrase is compared)
        expect(found.filter((f) => f.end > p.length).map((f) => [f.type, f.start - p.length])).toEqual([['phone', 5]]);
      }),
    );
  });
});

describe('validators', () => {
  it('check NHS Modulus 11, postcode areas, NINO prefixes and phone lengths', () => {
    expect(nhsCheckDigitOk('4012345672')).toBe(true);
    expect(nhsCheckDigitOk('4012345673')).toBe(false);
    expect(isValidPostcode('ls62ab')).toBe(true);
    expect(isValidPostcode('QQ1 1AA')).toBe(false);
    expect(isValidNinoPrefix('GB')).toBe(false);
    expect(isValidNinoPrefix('DA')).toBe(false);
    expect(isValidNinoPrefix('AB')).toBe(true);
    expect(isUkPhoneDigits('+44 (0)7700 900123')).toBe(true);
    expect(isUkPhoneDigits('0770090012')).toBe(true);
    expect(isUkPhoneDigits('06123456789')).toBe(false);
  });
});

describe('detectPii: Welsh, Northern Irish and text-speak forms (from the third blind set)', () => {
  it.each([
    ['staying at 9 Heol y Nant, Caerphilly now', 'address:9 Heol y Nant'],
    ['moved to 14 Clos Glas last year', 'address:14 Clos Glas'],
    ['NI reg LJZ 4521 seen outside', 'vehicle:LJZ 4521'],
    ['veh of interest P418 GNU, red Fiesta', 'vehicle:P418 GNU'],
    ['given serial number 1234 of 12/03 by the PSNI', 'reference:1234 of 12/03'],
    ['my bf tomasz was arrested', 'person:tomasz'],
    ['Client is Sioned Morgan-Hughes, please call', 'person:Sioned Morgan-Hughes'],
  ])('%s → %s', (text, want) => {
    expect(spans(text)).toContain(want);
  });

  it.each([
    ['the car was outside when PC 1234 arrived'], // a collar number, not a plate
    ['LJZ 4521 on its own has no vehicle word'],
    ['seen on Station Road heading towards the M4'], // a street with no number and nobody living there
    ['always parked on Albert Street'],
    ['Ask for Ani at the chemist was how I got help'],
    ['Ask for Angela at the bar'],
    ["I'm, er, from Derry, and I'm fine now"],
  ])('flags nothing personal in "%s"', (text) => {
    expect(spans(text).filter((s) => !s.startsWith('reference:'))).toEqual([]);
  });

  it('a bare street is an address where someone lives', () => {
    expect(spans('He lives round the corner on Ferndale Avenue.')).toEqual(['address:Ferndale Avenue']);
  });

  it('a street whose first word starts with a capital outside A–Z is read, not a crash', () => {
    // (it threw a TypeError, which would have stopped the whole import scan)
    expect(spans('He lives on Łukasz Elm Road.')).toEqual(['address:Łukasz Elm Road']);
    expect(spans('She moved to Ōtake Lane last year.')).toEqual(['address:Ōtake Lane']);
    expect(spans('Ólafur Station Road was closed.')).toEqual([]);
  });

  it('never throws, whatever the letters (property)', () => {
    const piece = fc.constantFrom('Łukasz', 'Ōtake', 'Ólafur', 'Siobhán', 'Elm', 'Station', 'Road', 'Lane', 'Flat', '14', 'lives on', 'moved to', 'my ex', 'Dr', 'PC', 'Ask for', ' ', ', ', '. ', "'", '’', '-');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        for (const f of detectPii(text)) expect(f.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
