import { describe, expect, it } from 'vitest';
import regionsFile from '../../data/regions.json';
import { agencies, findAgency, listAgencies } from '../../functions/core/agencies';
import { type AgencyContact, mailboxOf } from '../../functions/core/agency-contacts';
import { categories } from '../../functions/core/categories';
import { provinces, regencies, resolveRegion, timeZoneOfProvince } from '../../functions/core/regions';
import { buildRegionsFile } from '../../scripts/regions-source';

describe('regions', () => {
  it('are the 38 provinces and 514 regencies/cities of idn-area-data, and data/regions.json is current', async () => {
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    expect(await buildRegionsFile()).toEqual(regionsFile);
  });

  it('resolve Kemendagri codes with the province time zone', () => {
    expect(resolveRegion('51.03')).toMatchObject({ name: 'Kabupaten Badung, Bali', province: { code: '51', timeZone: 'Asia/Makassar' } });
    expect(resolveRegion('31')?.province.timeZone).toBe('Asia/Jakarta');
    expect(timeZoneOfProvince('91')).toBe('Asia/Jayapura');
    expect(timeZoneOfProvince('61')).toBe('Asia/Jakarta'); // Kalimantan Barat is WIB
    expect(resolveRegion('51.99')).toBeUndefined();
    expect(resolveRegion('51.03.01')).toBeUndefined();
  });
});

describe('agency directory', () => {
  it('has a government for every province and regency/city, an Ombudsman office per province, and national agencies', () => {
    expect(listAgencies({ level: 'PROVINCE' })).toHaveLength(38);
    expect(listAgencies({ level: 'REGENCY' })).toHaveLength(514);
    expect(listAgencies({ level: 'OMBUDSMAN' })).toHaveLength(38);
    for (const id of ['kemenkes', 'kemendikdasmen', 'kemendagri', 'bpjs-kesehatan', 'pln']) expect(findAgency(id)?.level).toBe('NATIONAL');
    expect(new Set(agencies.map((a) => a.id)).size).toBe(agencies.length);
  });

  it('links each regency government to its province and each province to Kemendagri', () => {
    expect(findAgency('pemda-51.03')).toMatchObject({ name: 'Pemerintah Kabupaten Badung', parentId: 'pemda-51', timeZone: 'Asia/Makassar' });
    expect(findAgency('pemda-51.71')?.name).toBe('Pemerintah Kota Denpasar');
    expect(findAgency('pemda-51')).toMatchObject({ name: 'Pemerintah Provinsi Bali', parentId: 'kemendagri' });
    expect(findAgency('ombudsman-51')?.name).toBe('Ombudsman RI Perwakilan Bali');
    for (const a of agencies) if (a.parentId) expect(findAgency(a.parentId), a.id).toBeDefined();
  });

  it('filters by region, including everything inside a province', () => {
    const bali = listAgencies({ regionCode: '51' });
    expect(bali.map((a) => a.id)).toEqual(expect.arrayContaining(['pemda-51', 'ombudsman-51', 'pemda-51.03']));
    expect(bali.every((a) => a.regionCode === '51' || a.regionCode?.startsWith('51.'))).toBe(true);
    expect(listAgencies({ regionCode: '51.03' }).map((a) => a.id)).toEqual(['pemda-51.03']);
  });

  it('mails agencies at their directory address, on the default domain otherwise, and an inactive one through its parent', async () => {
    const contact = (agencyId: string, over: Partial<AgencyContact>): AgencyContact => ({
      agencyId,
      active: true,
      liaisons: [],
      updatedAt: '2026-11-29T00:00:00Z',
      updatedBy: 'operator',
      version: 1,
      ...over,
    });
    const stored = new Map([
      ['pln', contact('pln', { email: 'pengaduan@pln.example', language: 'en' })],
      ['pemda-51.71', contact('pemda-51.71', { active: false })],
    ]);
    const lookup = async (id: string) => stored.get(id);
    expect(await mailboxOf('pemda-51.03', 'instansi.example', lookup)).toEqual({ address: 'pemda-51.03@instansi.example', language: 'id' });
    // A desk may read its mails in English (issue 23).
    expect(await mailboxOf('pln', 'instansi.example', lookup)).toEqual({ address: 'pengaduan@pln.example', language: 'en' });
    expect(await mailboxOf('pemda-51.71', 'instansi.example', lookup)).toEqual({ address: 'pemda-51@instansi.example', language: 'id' });
  });
});

describe('categories', () => {
  it('each name the level that handles them, and national ones name a real agency', () => {
    expect(categories.length).toBeGreaterThan(15);
    for (const c of categories) if (c.handledBy.level === 'NATIONAL') expect(findAgency(c.handledBy.agencyId), c.id).toBeDefined();
    expect(new Set(categories.map((c) => c.id)).size).toBe(categories.length);
  });
});
