import { describe, expect, it } from 'vitest';
import { bodySegments, missingParameters, parameterLabels, placeholderNames, renderTemplateBody, resizeParameters } from './templateText';

describe('template placeholders', () => {
  it('orders numbered placeholders by number, then named ones, each once', () => {
    expect(placeholderNames('Hi {{2}}, order {{1}} ships {{ 2 }} on {{date}}')).toEqual(['1', '2', 'date']);
    expect(placeholderNames('No parameters')).toEqual([]);
    expect(placeholderNames(undefined)).toEqual([]);
    expect(placeholderNames('{{10}} {{9}}')).toEqual(['9', '10']);
  });

  it('labels one input per parameter, even without a body', () => {
    expect(parameterLabels({ body: 'Hi {{1}}, your code is {{2}}', parameterCount: 2 })).toEqual(['{{1}}', '{{2}}']);
    expect(parameterLabels({ body: 'Hi {{first_name}}', parameterCount: 1 })).toEqual(['{{first_name}}']);
    expect(parameterLabels({ parameterCount: 3 })).toEqual(['{{1}}', '{{2}}', '{{3}}']);
    expect(parameterLabels({ body: 'Hi', parameterCount: 0 })).toEqual([]);
  });
});

describe('template body preview', () => {
  const body = 'Hi {{1}}, order {{2}} is on its way. Thanks {{1}}!';

  it('fills in parameters and keeps placeholders still empty', () => {
    expect(renderTemplateBody(body, ['Ana', '#42'])).toBe('Hi Ana, order #42 is on its way. Thanks Ana!');
    expect(renderTemplateBody(body, ['Ana', ''])).toBe('Hi Ana, order {{2}} is on its way. Thanks Ana!');
    expect(renderTemplateBody(body, [])).toBe(body);
    expect(renderTemplateBody('Hello {{ 1 }}', ['Bo'])).toBe('Hello Bo');
  });

  it('splits the body into text and parameter slots', () => {
    expect(bodySegments('Hi {{1}}!', ['  '])).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'param', index: 0, name: '1', value: null },
      { kind: 'text', text: '!' },
    ]);
    expect(bodySegments('{{2}}{{1}}', ['a', 'b']).map((s) => (s.kind === 'param' ? s.value : s.text))).toEqual(['b', 'a']);
  });

  it('never interprets the parameters as markup or placeholders', () => {
    expect(renderTemplateBody('Hi {{1}}', ['<b>{{2}}</b>'])).toBe('Hi <b>{{2}}</b>');
  });
});

describe('template parameters', () => {
  it('resizes to the template and reports the empty ones', () => {
    expect(resizeParameters(['a'], 3)).toEqual(['a', '', '']);
    expect(resizeParameters(['a', 'b', 'c'], 1)).toEqual(['a']);
    expect(missingParameters(['a', ' ', ''], 3)).toEqual([2, 3]);
    expect(missingParameters([], 0)).toEqual([]);
  });
});
