import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { mockApi, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import { accFall, acc201, fall2024, nursing, outcomesMe, SLOW } from '../test/fixtures';

function renderOfferings(routes = {}) {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe()),
    'GET /api/outcomes/offerings': reply(200, page([accFall])),
    'GET /api/outcomes/programs': reply(200, page([nursing])),
    'GET /api/outcomes/terms': reply(200, page([fall2024])),
    'GET /api/outcomes/courses': reply(200, page([acc201])),
    'GET /api/outcomes/instructors': reply(200, page([])),
    ...routes,
  });
  return { api, ...renderApp('/outcomes/offerings'), user: userEvent.setup() };
}

describe('OfferingsPage', () => {
  it('lists offerings with links to their course and sections', async () => {
    renderOfferings();
    expect(await screen.findByRole('link', { name: 'ACC-201' }, SLOW)).toHaveAttribute(
      'href',
      '/outcomes/courses/c-1',
    );
    expect(screen.getByRole('link', { name: '2' })).toHaveAttribute(
      'href',
      '/outcomes/sections?search=ACC-201&termId=t-1',
    );
  });

  it('creates an offering with N sections', async () => {
    const { api, user } = renderOfferings({
      'POST /api/outcomes/offerings': reply(201, { ...accFall, sectionCount: 3 }),
    });
    await user.click(await screen.findByRole('button', { name: 'New offering' }, SLOW));
    const form = within(screen.getByRole('form', { name: 'New offering' }));
    await user.click(form.getByRole('button', { name: 'Create offering' }));
    expect(form.getByText('Choose the course.')).toBeVisible();
    expect(form.getByText('Choose the term.')).toBeVisible();

    await user.click(form.getByRole('combobox', { name: 'Course' }));
    await user.click(await screen.findByRole('option', { name: /ACC-201/ }));
    await user.click(form.getByRole('combobox', { name: 'Term' }));
    await user.click(await screen.findByRole('option', { name: 'Fall 2024 (2024FA)' }));
    const sections = form.getByRole('textbox', { name: 'Sections' });
    await user.clear(sections);
    await user.type(sections, '3');
    await user.click(form.getByRole('button', { name: 'Create offering' }));
    expect(await screen.findByText('ACC-201 offered in Fall 2024')).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/offerings')[0]?.body).toEqual({
      courseId: 'c-1',
      termId: 't-1',
      sections: 3,
      instructorId: null,
    });
  });

  it('deletes an offering after confirmation', async () => {
    const { api, user } = renderOfferings({
      'DELETE /api/outcomes/offerings/o-1': { status: 204 },
    });
    await user.click(await screen.findByRole('button', { name: 'Delete' }, SLOW));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Delete ACC-201 in Fall 2024?' }),
    );
    await user.click(dialog.getByRole('button', { name: 'Delete offering' }));
    await waitFor(() => expect(api.callsTo('DELETE /api/outcomes/offerings/o-1')).toHaveLength(1));
  });
});
