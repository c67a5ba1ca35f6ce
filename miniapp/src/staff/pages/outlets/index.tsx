import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { OUTLET_CSV_COLUMNS, OUTLET_KIND_LABELS, OUTLET_REPORT_REASON_LABELS } from '@linli/shared';

import type { CommunityCoverage, OutletReportView, OutletView } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { exportOutlets } from '../../../services/outlets';
import { Chips } from '../../components/chips';
import { SaveMessage } from '../../components/save-state';
import { StaffDeskPage } from '../../components/staff-gate';
import { useCsvDownload } from '../../../hooks/useCsvDownload';
import { useOutletImport } from '../../hooks/useOutletImport';
import { useOutletReports } from '../../hooks/useOutletReports';
import { COVERAGE_RADII, useOutletCoverage, useRegionOutlets } from '../../hooks/useRegionOutlets';
import { OutletEditor } from './outlet-editor';

import type { ActionState } from '../../../hooks/useActions';

import '../../components/staff-desk.scss';
import './index.scss';

type Section = 'outlets' | 'import' | 'reports' | 'coverage';
const SECTIONS = [
  { value: 'outlets', label: '网点' },
  { value: 'import', label: '导入' },
  { value: 'reports', label: '信息有误' },
  { value: 'coverage', label: '覆盖情况' },
] as const;
const ON_H5 = process.env.TARO_ENV === 'h5';

function Failure({ state }: { state: ActionState }) {
  return state.status === 'failed' ? <Text className='staff-desk__message'>{state.message}</Text> : null;
}

function OutletRow({ outlet, state, onEdit, onRemove }: { outlet: OutletView; state: ActionState; onEdit: () => void; onRemove: () => void }) {
  return (
    <View className='staff-booking staff-outlet' data-outlet={outlet.id}>
      <Text className='staff-booking__title'>{outlet.name}</Text>
      <Text className='staff-booking__line'>
        {OUTLET_KIND_LABELS[outlet.kind]} · {outlet.regionName} · {outlet.phone}
      </Text>
      <Text className='staff-booking__line'>{outlet.address}</Text>
      <Text className='staff-booking__line'>{outlet.verifiedOn ? `${outlet.verifiedOn} 核实` : '尚未核实'}</Text>
      <View className='staff-booking__actions'>
        <Button className='staff-outlet__edit' type='primary' size='large' onClick={onEdit}>
          修改/核实
        </Button>
        <Button className='staff-outlet__remove' size='large' loading={state.status === 'pending'} onClick={onRemove}>
          已关门，删除
        </Button>
      </View>
      <Failure state={state} />
    </View>
  );
}

/** `onEdit(null)` adds a new outlet. */
function OutletsSection({ onEdit }: { onEdit: (outlet: OutletView | null) => void }) {
  const outlets = useRegionOutlets();
  const download = useCsvDownload();
  return (
    <>
      <Button className='staff-desk__button staff-outlet__add' type='primary' size='large' block onClick={() => onEdit(null)}>
        新增网点
      </Button>
      {ON_H5 && (
        <View className='staff-desk__block'>
          <Button className='staff-desk__button' size='large' block loading={download.state.status === 'pending'} onClick={() => download.run(exportOutlets, 'outlets.csv')}>
            导出 CSV
          </Button>
          <SaveMessage state={download.state} doneText='已导出' />
        </View>
      )}
      <RemoteContent state={outlets.state} onRetry={outlets.retry} isEmpty={isEmptyList} emptyText='本辖区还没有网点，可在“导入”中批量添加'>
        {(items) =>
          items.map((outlet) => (
            <OutletRow key={outlet.id} outlet={outlet} state={outlets.actions.of(outlet.id)} onEdit={() => onEdit(outlet)} onRemove={() => outlets.remove(outlet.id)} />
          ))
        }
      </RemoteContent>
    </>
  );
}

const IMPORT_HINT = `从 Excel/WPS 另存为 CSV，${ON_H5 ? '选择文件或' : ''}整份粘贴到下面。第一行是表头：${OUTLET_CSV_COLUMNS.join(',')}。有一行不对就一行也不导入，并列出每一行的问题。`;

function ImportSection() {
  const importer = useOutletImport(() => undefined);
  const { state } = importer;
  return (
    <View className='staff-desk__block outlet-import'>
      <Text className='staff-desk__hint'>{IMPORT_HINT}</Text>
      {ON_H5 && (
        <>
          <Button className='staff-desk__button outlet-import__file' size='large' block onClick={importer.chooseFile}>
            选择 CSV 文件
          </Button>
          {importer.picked?.status === 'read' && (
            <Text className='staff-desk__line outlet-import__picked'>
              已读入 {importer.picked.name}（{importer.picked.lines} 行，含表头），请核对后点“导入”
            </Text>
          )}
          {importer.picked?.status === 'failed' && <Text className='staff-desk__message outlet-import__picked'>{importer.picked.message}</Text>}
        </>
      )}
      <Textarea className='outlet-import__text' value={importer.csv} maxlength={-1} placeholder='粘贴 CSV 内容' onInput={(event) => importer.setCsv(event.detail.value)} />
      <Button className='staff-desk__button outlet-import__send' type='primary' size='large' block loading={state.status === 'pending'} onClick={importer.send}>
        导入
      </Button>
      {state.status === 'imported' && <Text className='staff-desk__message staff-desk__message--done outlet-import__done'>已导入 {state.count} 个网点</Text>}
      {state.status === 'refused' && (
        <View className='outlet-import__problems'>
          <Text className='staff-desk__message'>{state.message}</Text>
          {state.problems.map((problem) => (
            <Text key={problem.text} className='staff-desk__message outlet-import__problem' data-line={problem.line ?? ''}>
              {problem.text}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

function ReportRow({ report, reports }: { report: OutletReportView; reports: ReturnType<typeof useOutletReports> }) {
  return (
    <View className='staff-booking outlet-report' data-report={report.id}>
      <Text className='staff-booking__title'>{report.outletName}</Text>
      <Text className='staff-booking__line'>
        {OUTLET_REPORT_REASON_LABELS[report.reason]}
        {report.note ? `：${report.note}` : ''}
      </Text>
      <Textarea
        className='outlet-report__resolution'
        value={reports.resolutions[report.id] ?? ''}
        maxlength={200}
        placeholder='处理结果（如：已更正营业时间）'
        onInput={(event) => reports.setResolution(report.id, event.detail.value)}
      />
      <Button
        className='outlet-report__resolve'
        type='primary'
        size='large'
        loading={reports.actions.of(report.id).status === 'pending'}
        onClick={() => reports.resolve(report.id)}
      >
        已处理
      </Button>
      <Failure state={reports.actions.of(report.id)} />
    </View>
  );
}

function ReportsSection() {
  const reports = useOutletReports();
  return (
    <RemoteContent state={reports.state} onRetry={reports.retry} isEmpty={isEmptyList} emptyText='没有待处理的反馈'>
      {(items) => items.map((report) => <ReportRow key={report.id} report={report} reports={reports} />)}
    </RemoteContent>
  );
}

function CoverageRow({ community }: { community: CommunityCoverage }) {
  return (
    <View className='staff-booking outlet-coverage' data-community={community.communityId}>
      <Text className='staff-booking__title'>
        {community.communityName}：缺 {community.missing.length} 类
      </Text>
      {community.missing.length > 0 && (
        <Text className='staff-booking__line outlet-coverage__missing'>缺少：{community.missing.map((kind) => OUTLET_KIND_LABELS[kind]).join('、')}</Text>
      )}
      {community.covered.length > 0 && <Text className='staff-booking__line'>已有：{community.covered.map((kind) => OUTLET_KIND_LABELS[kind]).join('、')}</Text>}
    </View>
  );
}

function CoverageSection() {
  const coverage = useOutletCoverage();
  return (
    <>
      <Text className='staff-desk__hint'>一刻钟便民生活圈：以社区市民中心为圆心，步行半径内（直线）有哪些类型的网点。缺得多的社区排在前面。</Text>
      <Chips
        className='coverage-radius'
        chips={COVERAGE_RADII.map((radius) => ({ value: String(radius), label: `${radius} 米` }))}
        value={String(coverage.radius)}
        onChange={(value) => coverage.setRadius(Number(value))}
      />
      <RemoteContent state={coverage.state} onRetry={coverage.retry} isEmpty={isEmptyList} emptyText='辖区内没有社区'>
        {(items) => items.map((community) => <CoverageRow key={community.communityId} community={community} />)}
      </RemoteContent>
    </>
  );
}

function OutletsDesk() {
  const [section, setSection] = useState<Section>('outlets');
  /** The outlet open in the editor: one of the list, 'new', or none (the sections show). */
  const [editing, setEditing] = useState<OutletView | 'new' | null>(null);
  if (editing) return <OutletEditor outlet={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />;
  return (
    <>
      <Chips className='outlets-section' chips={SECTIONS} value={section} onChange={setSection} />
      {section === 'outlets' && <OutletsSection onEdit={(outlet) => setEditing(outlet ?? 'new')} />}
      {section === 'import' && <ImportSection />}
      {section === 'reports' && <ReportsSection />}
      {section === 'coverage' && <CoverageSection />}
    </>
  );
}

export function StaffOutletsPage() {
  return <StaffDeskPage title='便民网点管理' desk={() => <OutletsDesk />} />;
}

export default StaffOutletsPage;
