import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { TextPane } from '../../renderer/features/coding/TextPane';
import { CodingList } from '../../renderer/features/coding/CodingList';

describe('imported text is data, never markup', () => {
  const text = 'P1: <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> <b>bold</b>';

  it('shows tags as literal text in the viewer and the codings list', () => {
    const { container } = render(
      <>
        <TextPane
          text={text}
          turns={[{ speaker: 'P1', start: 0, end: text.length }]}
          codings={[{ id: 'c', start: 4, end: 40, codeId: 'k', codeName: '<i>code</i>', colour: '#E69F00', coderName: 'You', coderInitials: 'Y' }]}
          selection={null}
          onSelect={() => {}}
          onRequestCode={() => {}}
        />
        <CodingList
          text={text}
          codings={[{ id: 'c', start: 4, end: 40, codeId: 'k', codeName: '<i>code</i>', colour: '#E69F00', coderName: 'You', coderInitials: 'Y' }]}
          onRemove={() => {}}
        />
      </>,
    );
    expect(container.querySelector('script, img, b, i')).toBeNull();
    expect(container.querySelector('.turn__text')!.textContent).toBe(text.slice(4));
    expect(container.textContent).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(container.querySelector('.coding-list__code')!.textContent).toBe('<i>code</i>');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
