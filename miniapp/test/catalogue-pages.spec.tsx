import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { CategoryPage } from '../src/pages/category';
import { ServicePage } from '../src/pages/service';
import { ServicesPage } from '../src/pages/services';
import { catalogueFixture, homeCareService, mediationDetail, serviceDetailOf } from './support/fixtures';
import { answer, countedRoute, failingOnce } from './support/fixture-server';
import { typeInto } from './support/interact';
import { servePerTest } from './support/serve';
import { navigations, routeParams } from './support/taro-h5';

const serve = servePerTest();

const catalogueAnswer = answer({ items: catalogueFixture });

/** Answers /catalogue and counts how often it was asked. */
const catalogueRoute = () => countedRoute((_call, req, res) => catalogueAnswer(req, res));

const rowsOf = (container: HTMLElement) => [...container.querySelectorAll('.service-row')];

describe('CategoryPage', () => {
  it("lists the category's services as rows with mode, review and age notes; a tap opens the service", async () => {
    const catalogue = catalogueRoute();
    await serve({ '/catalogue': catalogue.handler });
    routeParams.id = 'cat-self-governance';
    const { container } = render(<CategoryPage />);

    await waitFor(() => expect(rowsOf(container)).toHaveLength(2));
    expect(screen.getByText('居民自治服务')).toBeTruthy();
    const [hall, mediation] = rowsOf(container);
    expect(hall.querySelector('.service-row__name')?.textContent).toBe('议事厅预约');
    expect(hall.textContent).toContain('场地预约');
    expect(hall.textContent).not.toContain('需审核');
    expect(mediation.textContent).toContain('到窗口办理');
    expect(mediation.textContent).toContain('需审核');
    expect(mediation.querySelector('.service-row__description')?.textContent).toBe('邻里纠纷、家庭矛盾，由专职人民调解员帮您调解。');

    fireEvent.click(mediation);
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/service/index?id=svc-mediation' }]);
  });

  it('shows the age rule and shares one catalogue request between pages', async () => {
    const catalogue = catalogueRoute();
    await serve({ '/catalogue': catalogue.handler });
    routeParams.id = 'cat-special-groups';
    const first = render(<CategoryPage />);
    await waitFor(() => expect(rowsOf(first.container)).toHaveLength(2));
    expect(rowsOf(first.container)[0].textContent).toContain('60岁以上');
    first.unmount();

    // Back, then into the 服务 tab and another category: the catalogue is not fetched again.
    const tab = render(<ServicesPage />);
    await waitFor(() => expect(rowsOf(tab.container)).toHaveLength(4));
    tab.unmount();
    routeParams.id = 'cat-self-governance';
    const second = render(<CategoryPage />);
    await waitFor(() => expect(rowsOf(second.container)).toHaveLength(2));

    expect(catalogue.calls()).toBe(1);
  });

  it('says so for an empty category and for an unknown id', async () => {
    await serve({ '/catalogue': catalogueRoute().handler });
    routeParams.id = 'cat-social-orgs';
    const empty = render(<CategoryPage />);
    await screen.findByText('暂时还没有服务');
    empty.unmount();

    routeParams.id = 'cat-gone';
    render(<CategoryPage />);
    await screen.findByText('没有找到这一类服务，请返回首页重新选择');
  });

  it('shows the error and loads again on 重试, since a failed catalogue is not cached', async () => {
    const catalogue = failingOnce(catalogueAnswer);
    await serve({ '/catalogue': catalogue.handler });
    routeParams.id = 'cat-self-governance';
    const { container } = render(<CategoryPage />);

    await screen.findByText('服务暂时不可用');
    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(rowsOf(container)).toHaveLength(2));
    expect(catalogue.calls()).toBe(2);
  });
});

describe('ServicesPage (服务 tab)', () => {
  it('lists every category with its services', async () => {
    await serve({ '/catalogue': catalogueRoute().handler });
    const { container } = render(<ServicesPage />);

    await waitFor(() => expect(rowsOf(container)).toHaveLength(4));
    const headings = [...container.querySelectorAll('.services__category')].map((node) => node.textContent);
    expect(headings).toEqual(['居民自治服务', '特殊群体服务', '社会组织服务']);
    expect(rowsOf(container).map((row) => row.querySelector('.service-row__name')?.textContent)).toEqual(['议事厅预约', '人民调解', '老年日间照料', '居家养老上门服务']);
    expect(screen.getByText('暂时还没有服务')).toBeTruthy();

    fireEvent.click(rowsOf(container)[3]);
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/service/index?id=svc-home-care' }]);
  });

  it('narrows the list as one types a name, a word of the description or pinyin initials, and says when nothing matches', async () => {
    const catalogue = catalogueRoute();
    await serve({ '/catalogue': catalogue.handler });
    const { container } = render(<ServicesPage />);
    await waitFor(() => expect(rowsOf(container)).toHaveLength(4));
    const names = () => rowsOf(container).map((row) => row.querySelector('.service-row__name')?.textContent);

    await typeInto(container, '.services__search', 'jjyl');
    await waitFor(() => expect(names()).toEqual(['居家养老上门服务']));
    expect([...container.querySelectorAll('.services__category')].map((node) => node.textContent)).toEqual(['特殊群体服务']);

    await typeInto(container, '.services__search', '纠纷');
    await waitFor(() => expect(names()).toEqual(['人民调解']));

    await typeInto(container, '.services__search', '游泳');
    await screen.findByText(/没有找到“游泳”/);
    expect(rowsOf(container)).toHaveLength(0);

    await typeInto(container, '.services__search', '');
    await waitFor(() => expect(rowsOf(container)).toHaveLength(4));
    expect(catalogue.calls()).toBe(1); // searching asks the server nothing
  });
});

describe('ServicePage', () => {
  it('shows what the service is, what to bring, who may book and where', async () => {
    await serve({ '/services/svc-mediation': answer(mediationDetail) });
    routeParams.id = 'svc-mediation';
    const { container } = render(<ServicePage />);

    await waitFor(() => expect(container.querySelector('.service-name')?.textContent).toBe('人民调解'));
    const text = container.textContent ?? '';
    for (const expected of ['类别：居民自治服务', '到窗口办理', '由专职人民调解员帮您调解', '所有居民都可以预约']) {
      expect(text).toContain(expected);
    }
    expect([...container.querySelectorAll('.service__material')].map((node) => node.textContent)).toEqual(['1. 本人身份证', '2. 与纠纷有关的材料（如有）']);
    expect(screen.getByText('需工作人员确认')).toBeTruthy();

    const centres = [...container.querySelectorAll('.offering-centre')];
    expect(centres).toHaveLength(2);
    expect(centres[0].textContent).toContain('阳光社区市民中心');
    expect(centres[0].textContent).toContain('东湖路 88 号');
    expect(centres[0].textContent).toContain('中心提示：每周三下午调解员在岗');
    expect(centres[1].textContent).toContain('中南路 12 号');
    expect(centres[1].textContent).not.toContain('中心提示');

    fireEvent.click(centres[0]);
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/centre/index?id=centre-yangguang' }]);
  });

  it('for a home service: the age rule, no review note, and who comes instead of centres', async () => {
    const detail = serviceDetailOf(homeCareService, [{ ...mediationDetail.centres[0], notes: null }]);
    await serve({ '/services/svc-home-care': answer(detail) });
    routeParams.id = 'svc-home-care';
    const { container } = render(<ServicePage />);

    await screen.findByText('上门服务，由服务机构派人上门');
    expect(container.textContent).toContain('年满 60 岁的居民可以预约');
    expect(container.textContent).toContain('不需要带材料');
    expect(container.textContent).not.toContain('需工作人员确认');
    expect(container.querySelectorAll('.offering-centre')).toHaveLength(0);
  });

  it('says the service was not found on a 404, without a useless 重试', async () => {
    const server = await serve({});
    routeParams.id = 'svc-gone';
    const { container } = render(<ServicePage />);

    await screen.findByText('没有找到这项服务，可能已经下线，请返回重新选择');
    expect(screen.queryByText('重试')).toBeNull();
    expect(container.querySelector('.book-button')).toBeNull();
    expect(server.requests.map((req) => req.url)).toEqual(['/api/services/svc-gone']);
  });

  it('shows other errors with 重试, and loads again', async () => {
    await serve({ '/services/svc-mediation': failingOnce(answer(mediationDetail)).handler });
    routeParams.id = 'svc-mediation';
    const { container } = render(<ServicePage />);

    await screen.findByText('服务暂时不可用');
    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(container.querySelectorAll('.offering-centre')).toHaveLength(2));
  });
});
